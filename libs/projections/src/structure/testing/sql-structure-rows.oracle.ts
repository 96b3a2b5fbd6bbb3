import type { Database, Statement } from 'better-sqlite3';
import { type AsOf, holdsAsOf } from '../../read-model/as-of';
import type { Employment, HoldingRow, OrganisationPostRow, UnitRecordRow } from '../structure-rows';

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
 * Test support, not part of the lib's API: the structure rows of one organisation on a date as recorded at a
 * position, read with one SQL statement per table per question and nothing kept between questions. The
 * in-memory structure rows must give the same rows in the same order (see sql-structure.oracle.ts).
 */
export class SqlStructureRows {
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

  units(organisationId: string, asOf: AsOf): UnitRecordRow[] {
    return this.all('units', organisationId, asOf).map(unitOf);
  }

  partnershipUnits(organisationId: string, asOf: AsOf): UnitRecordRow[] {
    return this.all('partnershipUnits', organisationId, asOf).map(unitOf);
  }

  unitMembers(organisationId: string, asOf: AsOf): Map<string, string[]> {
    const members = new Map<string, string[]>();
    for (const [unitId, member] of this.all('unitMembers', organisationId, asOf) as unknown as [string, string][]) members.set(unitId, [...(members.get(unitId) ?? []), member]);
    return members;
  }

  posts(organisationId: string, asOf: AsOf): OrganisationPostRow[] {
    return this.all('posts', organisationId, asOf).map(postOf);
  }

  holdings(organisationId: string, asOf: AsOf): HoldingRow[] {
    return this.all('holdings', organisationId, asOf).map(holdingOf);
  }

  employers(people: readonly string[], asOf: AsOf): Map<string, Employment> {
    const rows = this.statements.employments.all({ people: JSON.stringify(people), at: asOf.at, position: asOf.position }) as [string, string, string][];
    return new Map(rows.map(([personId, employer, from]) => [personId, { employer, from }]));
  }

  private all(statement: keyof SqlStructureRows['statements'], organisationId: string, asOf: AsOf): Raw[] {
    return this.statements[statement].all({ organisationId, at: asOf.at, position: asOf.position }) as Raw[];
  }
}
