import type { Database, Statement } from 'better-sqlite3';
import { PROJECTION_NAME } from '../projector/leadership.projector';
import type { AsOf } from '../read-model/as-of';
import type { Employment, HoldingRow, OrganisationPostRow, UnitRecordRow } from './structure-rows';

/** A row's values as the structure shows them, then its two time intervals (see {@link holds}). */
type Versioned<T> = Readonly<{ value: T; validFrom: string; validTo: string | null; recordedFrom: number; recordedTo: number | null }>;

/** Every version of an organisation's rows, in the order the as-of indexes return them. */
type OrganisationRows = {
  units?: Versioned<UnitRecordRow>[];
  unitMembers?: Versioned<readonly [unitId: string, member: string]>[];
  partnershipUnits?: Readonly<{ member: Versioned<null>; unit: Versioned<UnitRecordRow> }>[];
  posts?: Versioned<OrganisationPostRow>[];
  holdings?: Readonly<{ row: Versioned<HoldingRow>; professionFrom: number | null }>[];
};

type Raw = readonly never[];
const TIMES = 'valid_from, valid_to, recorded_from, recorded_to';
const versioned = <T>(value: T, r: Raw, at: number): Versioned<T> => ({ value, validFrom: r[at], validTo: r[at + 1], recordedFrom: r[at + 2], recordedTo: r[at + 3] });

/** On `asOf.at` as recorded at `asOf.position`: the condition of `holdsAsOf`, in memory. */
const holds = (v: Versioned<unknown>, asOf: AsOf): boolean =>
  v.validFrom <= asOf.at && (v.validTo === null || v.validTo > asOf.at) && v.recordedFrom <= asOf.position && (v.recordedTo === null || v.recordedTo > asOf.position);

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
  private employments?: Map<string, readonly (readonly [employer: string, from: string, recordedFrom: number])[]>;
  private checkpoint?: number;
  private readonly statements: Readonly<Record<'checkpoint' | 'units' | 'unitMembers' | 'partnershipUnits' | 'posts' | 'holdings' | 'employments', Statement>>;

  constructor(db: Database, private readonly capacity = 32) {
    const raw = (sql: string) => db.prepare(sql).raw();
    // ORDER BY as each as-of index reads its rows (NULLs first, then rowid), so answers list rows as the SQL ones did.
    this.statements = {
      checkpoint: db.prepare('SELECT position FROM rm_checkpoint WHERE projection = ?').pluck(),
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

  units(organisationId: string, asOf: AsOf): UnitRecordRow[] {
    const rows = this.of(organisationId);
    rows.units ??= this.load('units', organisationId, (r) => versioned(unitOf(r), r, 7));
    return valuesOn(rows.units, asOf);
  }

  partnershipUnits(organisationId: string, asOf: AsOf): UnitRecordRow[] {
    const rows = this.of(organisationId);
    rows.partnershipUnits ??= this.load('partnershipUnits', organisationId, (r) => ({ unit: versioned(unitOf(r), r, 7), member: versioned(null, r, 11) }));
    const units: UnitRecordRow[] = [];
    for (const { member, unit } of rows.partnershipUnits) if (holds(member, asOf) && holds(unit, asOf)) units.push(unit.value);
    return units;
  }

  unitMembers(organisationId: string, asOf: AsOf): Map<string, string[]> {
    const rows = this.of(organisationId);
    rows.unitMembers ??= this.load('unitMembers', organisationId, (r) => versioned([r[0], r[1]] as const, r, 2));
    const members = new Map<string, string[]>();
    for (const v of rows.unitMembers) {
      if (!holds(v, asOf)) continue;
      const [unitId, member] = v.value;
      const list = members.get(unitId);
      if (list) list.push(member);
      else members.set(unitId, [member]);
    }
    return members;
  }

  posts(organisationId: string, asOf: AsOf): OrganisationPostRow[] {
    const rows = this.of(organisationId);
    rows.posts ??= this.load('posts', organisationId, (r) => versioned(postOf(r), r, 10));
    return valuesOn(rows.posts, asOf);
  }

  /** A holder's profession shows only once the person's registration is recorded. */
  holdings(organisationId: string, asOf: AsOf): HoldingRow[] {
    const rows = this.of(organisationId);
    rows.holdings ??= this.load('holdings', organisationId, (r) => ({ row: versioned(holdingOf(r), r, 11), professionFrom: r[15] }));
    const holdings: HoldingRow[] = [];
    for (const { row, professionFrom } of rows.holdings) {
      if (!holds(row, asOf)) continue;
      holdings.push(professionFrom !== null && professionFrom <= asOf.position ? row.value : { ...row.value, profession: null });
    }
    return holdings;
  }

  /** Each person's latest transfer of employment on the date, as recorded at the position. */
  employers(people: readonly string[], asOf: AsOf): Map<string, Employment> {
    this.employments ??= this.loadEmployments();
    const employers = new Map<string, Employment>();
    for (const personId of people) {
      // Ordered by date, then by recording: a person's last row that applies wins.
      for (const [employer, from, recordedFrom] of this.employments.get(personId) ?? []) {
        if (from <= asOf.at && recordedFrom <= asOf.position) employers.set(personId, { employer, from });
      }
    }
    return employers;
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

  private load<T>(statement: keyof StructureCache['statements'], organisationId: string, build: (r: Raw) => T): T[] {
    return (this.statements[statement].all(organisationId) as Raw[]).map(build);
  }

  private loadEmployments(): Map<string, (readonly [string, string, number])[]> {
    const byPerson = new Map<string, (readonly [string, string, number])[]>();
    for (const [personId, employer, from, recordedFrom] of this.statements.employments.all() as [string, string, string, number][]) {
      const list = byPerson.get(personId);
      if (list) list.push([employer, from, recordedFrom]);
      else byPerson.set(personId, [[employer, from, recordedFrom]]);
    }
    return byPerson;
  }
}

function valuesOn<T>(rows: readonly Versioned<T>[], asOf: AsOf): T[] {
  const values: T[] = [];
  for (const row of rows) if (holds(row, asOf)) values.push(row.value);
  return values;
}

const unitOf = (r: Raw): UnitRecordRow => ({ organisation_id: r[0], unit_id: r[1], name: r[2], kind: r[3], parent_unit_id: r[4], employing_organisation_id: r[5], arrived_from_organisation_id: r[6] });

const postOf = (r: Raw): OrganisationPostRow => ({
  post_id: r[0], organisation_id: r[1], unit_id: r[2], title: r[3], family: r[4], grade: r[5], max_holders: r[6], programmed_activities: r[7], group_id: r[8], group_role: r[9],
});

const holdingOf = (r: Raw): HoldingRow => ({
  appointment_id: r[0], post_id: r[1], person_id: r[2], kind: r[3], covering_for_person_id: r[4], employing_organisation_id: r[5], fraction: r[6], programmed_activities: r[7], valid_from: r[8], valid_to: r[9], profession: r[10],
});
