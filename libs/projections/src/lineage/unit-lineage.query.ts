import type { Database, Statement } from 'better-sqlite3';
import { recordedAsOf } from '../read-model/as-of';
import type { KnownAt } from '../queries/read-point';
import type { LineageLinkView, UnitLineageView, UnitVersionView } from './lineage.types';
import { unitHistory } from './unit-history';

type UnitRow = { organisation_id: string; name: string; kind: string; parent_unit_id: string | null; valid_from: string; valid_to: string | null };
type LinkRow = { from_id: string; to_id: string; relation: string; effective_from: string; depth: number; from_name: string | null; to_name: string | null };

/** Deepest lineage followed; the domain forbids cycles, the bound keeps a damaged record from looping. */
const MAX_DEPTH = 64;

/**
 * Merger and split edges reachable from `@unitId`, walking `near` → `far` (to_id → from_id for predecessors,
 * from_id → to_id for successors), each at the shortest depth it was reached, with the units' last names.
 */
const walk = (near: 'to_id' | 'from_id', far: 'to_id' | 'from_id') => `
  WITH RECURSIVE links(from_id, to_id, relation, effective_from, depth) AS (
    SELECT l.from_id, l.to_id, l.relation, l.effective_from, 1 FROM rm_lineage l
      WHERE l.subject = 'unit' AND l.${near} = @unitId AND ${recordedAsOf('l')}
    UNION
    SELECT l.from_id, l.to_id, l.relation, l.effective_from, links.depth + 1 FROM rm_lineage l JOIN links ON l.${near} = links.${far}
      WHERE l.subject = 'unit' AND links.depth < ${MAX_DEPTH} AND ${recordedAsOf('l')}
  )
  SELECT from_id, to_id, relation, effective_from, MIN(depth) AS depth,
    (SELECT u.name FROM rm_units u WHERE u.unit_id = links.from_id AND ${recordedAsOf('u')} ORDER BY u.valid_from DESC LIMIT 1) AS from_name,
    (SELECT u.name FROM rm_units u WHERE u.unit_id = links.to_id AND ${recordedAsOf('u')} ORDER BY u.valid_from DESC LIMIT 1) AS to_name
  FROM links GROUP BY from_id, to_id, relation, effective_from ORDER BY depth, effective_from, from_id, to_id`;

/** A unit's lineage: what it came from and went into, through mergers and splits, and its own renames, moves and transfers. */
export class UnitLineageQuery {
  private readonly versions: Statement;
  private readonly predecessors: Statement;
  private readonly successors: Statement;

  constructor(db: Database) {
    this.versions = db.prepare(`SELECT u.* FROM rm_units u WHERE u.unit_id = @unitId AND ${recordedAsOf('u')} ORDER BY u.valid_from, u.organisation_id`);
    this.predecessors = db.prepare(walk('to_id', 'from_id'));
    this.successors = db.prepare(walk('from_id', 'to_id'));
  }

  /** Undefined when the record at `position` has no such unit. */
  lineage(unitId: string, point: KnownAt): UnitLineageView | undefined {
    const params = { unitId, position: point.position };
    const versions = (this.versions.all(params) as UnitRow[]).map(toVersion);
    if (versions.length === 0) return undefined;
    return {
      unitId,
      name: versions[versions.length - 1].name,
      knownAt: point.knownAt,
      asOfPosition: point.position,
      versions,
      ...unitHistory(versions),
      predecessors: (this.predecessors.all(params) as LinkRow[]).map(toLink),
      successors: (this.successors.all(params) as LinkRow[]).map(toLink),
    };
  }
}

const toVersion = (u: UnitRow): UnitVersionView => ({
  organisationId: u.organisation_id,
  name: u.name,
  kind: u.kind,
  parentUnitId: u.parent_unit_id,
  from: u.valid_from,
  until: u.valid_to,
});

const toLink = (l: LinkRow): LineageLinkView => ({
  fromUnitId: l.from_id,
  fromName: l.from_name,
  toUnitId: l.to_id,
  toName: l.to_name,
  relation: l.relation,
  effectiveFrom: l.effective_from,
  depth: l.depth,
});
