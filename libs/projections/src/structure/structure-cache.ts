import type { Database, Statement } from 'better-sqlite3';
import { PROJECTION_NAME } from '../projector/leadership.projector';
import { HoldingVersion, type Transfer } from './holding-version';
import { type OrganisationOnDate, type OrganisationRow, OrganisationVersions } from './organisation-versions';
import type { HoldingRow, OrganisationPostRow, UnitRecordRow } from './structure-rows';
import { dayNumber, type Intervals, type NumericAsOf, VersionedRows } from './versioned-rows';

/** Every version of the holdings an organisation records, and the versions of each post's holdings, in load order. */
export type HoldingVersions = Readonly<{ versions: VersionedRows<HoldingVersion>; byPost: ReadonlyMap<string, readonly number[]> }>;

/** Every version of an organisation's rows, in the order the as-of indexes return them. */
type OrganisationRows = {
  organisation?: OrganisationVersions;
  units?: VersionedRows<UnitRecordRow>;
  unitMembers?: VersionedRows<readonly [unitId: string, member: string]>;
  partnershipUnits?: VersionedRows<UnitRecordRow>;
  posts?: VersionedRows<OrganisationPostRow>;
  holdings?: HoldingVersions;
};

type Raw = readonly never[];
const TIMES = 'valid_from, valid_to, recorded_from, recorded_to';
const intervalsAt = (r: Raw, at: number): Intervals => [r[at], r[at + 1], r[at + 2], r[at + 3]];

/**
 * Every version of the structure rows of recently asked organisations, kept in memory so that a structure on any
 * date, as known at any position, is answered by filtering arrays instead of six statements and a thousand row
 * objects. Rows are those of the read model at one projector checkpoint: the whole cache is dropped whenever
 * the checkpoint moves (read per answer, one primary-key lookup), not only one organisation's part, because
 * an organisation's structure also shows other organisations' rows (partnership units, employers, people).
 * At most `capacity` organisations are kept, least recently asked dropped first.
 */
export class StructureCache {
  private readonly organisations = new Map<string, OrganisationRows>();
  private employments?: Map<string, readonly Transfer[]>;
  private checkpoint?: number;
  private readonly statements: Readonly<Record<'checkpoint' | 'organisation' | 'units' | 'unitMembers' | 'partnershipUnits' | 'posts' | 'holdings' | 'employments', Statement>>;

  constructor(db: Database, private readonly capacity = 32) {
    const raw = (sql: string) => db.prepare(sql).raw();
    // ORDER BY as each as-of index reads its rows (NULLs first, then rowid), so answers list rows as the SQL ones did.
    this.statements = {
      checkpoint: db.prepare('SELECT position FROM rm_checkpoint WHERE projection = ?').pluck(),
      organisation: raw(`SELECT name, kind, code, ${TIMES} FROM rm_organisations WHERE organisation_id = ? ORDER BY recorded_from, rowid`),
      units: raw(`SELECT organisation_id, unit_id, name, kind, parent_unit_id, employing_organisation_id, arrived_from_organisation_id, ${TIMES}
        FROM rm_units WHERE organisation_id = ? ORDER BY ${TIMES}, rowid`),
      unitMembers: raw(`SELECT unit_id, member_organisation_id, ${TIMES} FROM rm_unit_members WHERE organisation_id = ? ORDER BY valid_from, rowid`),
      partnershipUnits: raw(`SELECT u.organisation_id, u.unit_id, u.name, u.kind, u.parent_unit_id, u.employing_organisation_id, u.arrived_from_organisation_id,
          u.valid_from, u.valid_to, u.recorded_from, u.recorded_to, m.valid_from, m.valid_to, m.recorded_from, m.recorded_to
        FROM rm_unit_members m JOIN rm_units u ON u.unit_id = m.unit_id AND u.organisation_id = m.organisation_id
        WHERE m.member_organisation_id = ? ORDER BY m.valid_from, m.rowid, u.valid_from, u.rowid`),
      posts: raw(`SELECT post_id, organisation_id, unit_id, title, family, grade, max_holders, programmed_activities, group_id, group_role, ${TIMES}
        FROM rm_posts WHERE organisation_id = ? ORDER BY ${TIMES}, rowid`),
      holdings: raw(`SELECT h.appointment_id, h.post_id, h.person_id, h.kind, h.covering_for_person_id, h.employing_organisation_id, h.fraction,
          h.programmed_activities, h.valid_from, h.valid_to, pe.profession, h.valid_from, h.valid_to, h.recorded_from, h.recorded_to, pe.recorded_from
        FROM rm_holdings h LEFT JOIN rm_people pe ON pe.person_id = h.person_id
        WHERE h.organisation_id = ? ORDER BY h.valid_from, h.valid_to, h.recorded_from, h.recorded_to, h.rowid`),
      employments: raw('SELECT person_id, employer_id, valid_from, recorded_from FROM rm_employment ORDER BY person_id, valid_from, recorded_from'),
    };
  }

  /** Drops everything if the projector has moved since the cache was filled; call once per answer. */
  refresh(): void {
    const checkpoint = (this.statements.checkpoint.get(PROJECTION_NAME) as number | undefined) ?? 0;
    if (checkpoint === this.checkpoint) return;
    this.organisations.clear();
    this.employments = undefined;
    this.checkpoint = checkpoint;
  }

  /** The organisation on the date (undefined when it did not exist then, as recorded at the position). */
  organisation(organisationId: string, point: NumericAsOf): OrganisationOnDate | undefined {
    const rows = this.of(organisationId);
    rows.organisation ??= new OrganisationVersions(this.statements.organisation.all(organisationId) as OrganisationRow[]);
    return rows.organisation.on(point);
  }

  units(organisationId: string, point: NumericAsOf): UnitRecordRow[] {
    const rows = this.of(organisationId);
    rows.units ??= this.load('units', organisationId, 1, (r) => [unitOf(r), [intervalsAt(r, 7)]]);
    return rows.units.on(point);
  }

  /** Units other organisations host with this one as a partnership member, on the date. */
  partnershipUnits(organisationId: string, point: NumericAsOf): UnitRecordRow[] {
    const rows = this.of(organisationId);
    rows.partnershipUnits ??= this.load('partnershipUnits', organisationId, 2, (r) => [unitOf(r), [intervalsAt(r, 7), intervalsAt(r, 11)]]);
    return rows.partnershipUnits.on(point);
  }

  /** Members of the partnership units the organisation hosts, by unit. */
  unitMembers(organisationId: string, point: NumericAsOf): Map<string, string[]> {
    const rows = this.of(organisationId);
    rows.unitMembers ??= this.load('unitMembers', organisationId, 1, (r) => [[r[0], r[1]] as const, [intervalsAt(r, 2)]]);
    const members = new Map<string, string[]>();
    for (const [unitId, member] of rows.unitMembers.on(point)) {
      const list = members.get(unitId);
      if (list) list.push(member);
      else members.set(unitId, [member]);
    }
    return members;
  }

  posts(organisationId: string, point: NumericAsOf): OrganisationPostRow[] {
    const rows = this.of(organisationId);
    rows.posts ??= this.load('posts', organisationId, 1, (r) => [postOf(r), [intervalsAt(r, 10)]]);
    return rows.posts.on(point);
  }

  /**
   * Every version of the holdings the organisation records, found by post, so that an answer visits only the
   * holdings of the posts it shows. Each version knows its holder's transfers of employment (see {@link HoldingVersion}).
   */
  holdings(organisationId: string): HoldingVersions {
    const rows = this.of(organisationId);
    if (rows.holdings) return rows.holdings;
    const employments = (this.employments ??= this.loadEmployments());
    const versions = this.load('holdings', organisationId, 1, (r): [HoldingVersion, Intervals[]] => {
      const row = holdingOf(r);
      return [new HoldingVersion(row, r[15], employments.get(row.person_id)), [intervalsAt(r, 11)]];
    });
    const byPost = new Map<string, number[]>();
    versions.values.forEach(({ row }, i) => {
      const list = byPost.get(row.post_id);
      if (list) list.push(i);
      else byPost.set(row.post_id, [i]);
    });
    return (rows.holdings = { versions, byPost });
  }

  private of(organisationId: string): OrganisationRows {
    let rows = this.organisations.get(organisationId);
    if (rows) {
      this.organisations.delete(organisationId);
    } else {
      rows = {};
      if (this.organisations.size >= this.capacity) this.organisations.delete(this.organisations.keys().next().value as string);
    }
    this.organisations.set(organisationId, rows);
    return rows;
  }

  private load<T>(statement: keyof StructureCache['statements'], organisationId: string, perVersion: number, build: (r: Raw) => [T, readonly Intervals[]]): VersionedRows<T> {
    const versions = (this.statements[statement].all(organisationId) as Raw[]).map(build);
    return new VersionedRows(versions.map(([value]) => value), (i) => versions[i][1], perVersion);
  }

  private loadEmployments(): Map<string, Transfer[]> {
    const byPerson = new Map<string, Transfer[]>();
    for (const [personId, employer, from, recordedFrom] of this.statements.employments.all() as [string, string, string, number][]) {
      const transfer: Transfer = [employer, from, dayNumber(from), recordedFrom];
      const list = byPerson.get(personId);
      if (list) list.push(transfer);
      else byPerson.set(personId, [transfer]);
    }
    return byPerson;
  }
}

const unitOf = (r: Raw): UnitRecordRow => ({ organisation_id: r[0], unit_id: r[1], name: r[2], kind: r[3], parent_unit_id: r[4], employing_organisation_id: r[5], arrived_from_organisation_id: r[6] });

const postOf = (r: Raw): OrganisationPostRow => ({
  post_id: r[0], organisation_id: r[1], unit_id: r[2], title: r[3], family: r[4], grade: r[5], max_holders: r[6], programmed_activities: r[7], group_id: r[8], group_role: r[9],
});

const holdingOf = (r: Raw): HoldingRow => ({
  appointment_id: r[0], post_id: r[1], person_id: r[2], kind: r[3], covering_for_person_id: r[4], employing_organisation_id: r[5], fraction: r[6], programmed_activities: r[7], valid_from: r[8], valid_to: r[9], profession: r[10],
});
