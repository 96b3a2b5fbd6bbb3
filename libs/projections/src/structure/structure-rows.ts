import type { Database, Statement } from 'better-sqlite3';
import { type AsOf, holdsAsOf } from '../read-model/as-of';
import type { PostRow, UnitRow } from './structure-tree';

export type UnitRecordRow = Omit<UnitRow, 'members' | 'host'> & { organisation_id: string; arrived_from_organisation_id: string | null };
export type OrganisationPostRow = PostRow & { organisation_id: string };
export type HoldingRow = Readonly<{
  appointment_id: string; post_id: string; person_id: string; kind: string; covering_for_person_id: string | null;
  employing_organisation_id: string | null; fraction: number | null; programmed_activities: number | null;
  valid_from: string; valid_to: string | null; profession: string | null;
}>;
/** A person's employer from a date, after a transfer of employment. */
export type Employment = Readonly<{ employer: string; from: string }>;

type Raw = readonly never[];

const UNIT_COLUMNS = 'u.organisation_id, u.unit_id, u.name, u.kind, u.parent_unit_id, u.employing_organisation_id, u.arrived_from_organisation_id';
const unitOf = (r: Raw): UnitRecordRow => ({ organisation_id: r[0], unit_id: r[1], name: r[2], kind: r[3], parent_unit_id: r[4], employing_organisation_id: r[5], arrived_from_organisation_id: r[6] });

const POST_COLUMNS = 'p.post_id, p.organisation_id, p.unit_id, p.title, p.family, p.grade, p.max_holders, p.programmed_activities, p.group_id, p.group_role';
const postOf = (r: Raw): OrganisationPostRow => ({
  post_id: r[0], organisation_id: r[1], unit_id: r[2], title: r[3], family: r[4], grade: r[5], max_holders: r[6], programmed_activities: r[7], group_id: r[8], group_role: r[9],
});

const HOLDING_COLUMNS = 'h.appointment_id, h.post_id, h.person_id, h.kind, h.covering_for_person_id, h.employing_organisation_id, h.fraction, h.programmed_activities, h.valid_from, h.valid_to, pe.profession';
const holdingOf = (r: Raw): HoldingRow => ({
  appointment_id: r[0], post_id: r[1], person_id: r[2], kind: r[3], covering_for_person_id: r[4], employing_organisation_id: r[5], fraction: r[6], programmed_activities: r[7], valid_from: r[8], valid_to: r[9], profession: r[10],
});

/**
 * The rows of one organisation that hold on a date as recorded at a position, each table in one statement
 * through its as-of index (whose columns decide the date and position without reading the table). Rows come
 * back as arrays with only the columns a structure shows: building a named object per row costs better-sqlite3
 * more than the query itself.
 */
export class StructureRows {
  private readonly statements: Readonly<Record<'units' | 'unitMembers' | 'partnershipUnits' | 'posts' | 'holdings' | 'employments', Statement>>;

  constructor(db: Database) {
    const raw = (sql: string) => db.prepare(sql).raw();
    this.statements = {
      units: raw(`SELECT ${UNIT_COLUMNS} FROM rm_units u WHERE u.organisation_id = @organisationId AND ${holdsAsOf('u')}`),
      unitMembers: raw(`SELECT m.unit_id, m.member_organisation_id FROM rm_unit_members m WHERE m.organisation_id = @organisationId AND ${holdsAsOf('m')}`),
      partnershipUnits: raw(`SELECT ${UNIT_COLUMNS} FROM rm_unit_members m JOIN rm_units u ON u.unit_id = m.unit_id AND u.organisation_id = m.organisation_id
        WHERE m.member_organisation_id = @organisationId AND ${holdsAsOf('m')} AND ${holdsAsOf('u')}`),
      posts: raw(`SELECT ${POST_COLUMNS} FROM rm_posts p WHERE p.organisation_id = @organisationId AND ${holdsAsOf('p')}`),
      holdings: raw(`SELECT ${HOLDING_COLUMNS} FROM rm_holdings h LEFT JOIN rm_people pe ON pe.person_id = h.person_id AND pe.recorded_from <= @position
        WHERE h.organisation_id = @organisationId AND ${holdsAsOf('h')}`),
      employments: raw(`SELECT e.person_id, e.employer_id, e.valid_from FROM rm_employment e
        WHERE e.person_id IN (SELECT value FROM json_each(@people)) AND e.valid_from <= @at AND e.recorded_from <= @position
        ORDER BY e.person_id, e.valid_from, e.recorded_from`),
    };
  }

  /** Units the organisation hosts. */
  units(organisationId: string, asOf: AsOf): UnitRecordRow[] {
    return this.all('units', organisationId, asOf).map(unitOf);
  }

  /** Partnership units other organisations host with this one as a member. */
  partnershipUnits(organisationId: string, asOf: AsOf): UnitRecordRow[] {
    return this.all('partnershipUnits', organisationId, asOf).map(unitOf);
  }

  /** Members of the organisation's partnership units, by unit. */
  unitMembers(organisationId: string, asOf: AsOf): Map<string, string[]> {
    const members = new Map<string, string[]>();
    for (const [unitId, member] of this.all('unitMembers', organisationId, asOf) as unknown as [string, string][]) members.set(unitId, [...(members.get(unitId) ?? []), member]);
    return members;
  }

  /** Posts the organisation records (in its own units or in units that moved to another organisation). */
  posts(organisationId: string, asOf: AsOf): OrganisationPostRow[] {
    return this.all('posts', organisationId, asOf).map(postOf);
  }

  /** Holdings of the posts the organisation records, with each holder's profession. */
  holdings(organisationId: string, asOf: AsOf): HoldingRow[] {
    return this.all('holdings', organisationId, asOf).map(holdingOf);
  }

  /** Each person's latest transfer of employment on the date (most people have none). */
  employers(people: readonly string[], asOf: AsOf): Map<string, Employment> {
    const rows = this.statements.employments.all({ people: JSON.stringify(people), at: asOf.at, position: asOf.position }) as [string, string, string][];
    // Ordered by date, then by recording: a person's last row wins.
    return new Map(rows.map(([personId, employer, from]) => [personId, { employer, from }]));
  }

  private all(statement: keyof StructureRows['statements'], organisationId: string, asOf: AsOf): Raw[] {
    return this.statements[statement].all({ organisationId, at: asOf.at, position: asOf.position }) as Raw[];
  }
}
