import type { Database } from 'better-sqlite3';
import type { ReadPoint } from '../queries/read-point';
import { StructureQuery } from '../structure/structure.query';
import type { DiffSide, StructureDiffView } from './diff.types';
import { diffStructures } from './structure-diff';

/** The difference between an organisation's structure at two points in valid and recorded time. */
export class StructureDiffQuery {
  private readonly structure: StructureQuery;

  constructor(db: Database) {
    this.structure = new StructureQuery(db);
  }

  /** Undefined when the organisation was open at neither point. */
  diff(organisationId: string, from: ReadPoint, to: ReadPoint): StructureDiffView | undefined {
    const before = this.structure.structure(organisationId, from, from.knownAt);
    const after = this.structure.structure(organisationId, to, to.knownAt);
    if (!before && !after) return undefined;
    const side = (point: ReadPoint, open: boolean): DiffSide => ({ at: point.at, knownAt: point.knownAt, asOfPosition: point.position, open });
    return { organisationId, from: side(from, before !== undefined), to: side(to, after !== undefined), ...diffStructures(before, after) };
  }
}
