import type { Database } from 'better-sqlite3';
import { BulkInsert } from './bulk-insert';
import type { FactRow, FactTable } from './fact-row';
import { shadowOf } from './shadow-tables';

/**
 * Writes a rebuild's rows into the shadow tables in bulk: each version of a fact row once, with both recorded
 * times, and the facts of single events (professions, change-log lines, transfers of employment).
 * A person registered twice keeps the profession of the earliest registration, as the projector's does.
 */
export class ShadowWriter {
  private readonly versions = new Map<FactTable, { columns: readonly string[]; insert: BulkInsert }>();
  private readonly people: BulkInsert;
  private readonly changes: BulkInsert;
  private readonly employments: BulkInsert;

  constructor(private readonly db: Database) {
    const people = shadowOf('rm_people');
    this.people = new BulkInsert(db, people, ['person_id', 'profession', 'recorded_from'], ` ON CONFLICT (person_id) DO UPDATE SET profession = excluded.profession, recorded_from = excluded.recorded_from WHERE excluded.recorded_from < ${people}.recorded_from`);
    this.changes = new BulkInsert(db, shadowOf('rm_changes'), ['organisation_id', 'global_position', 'event_id', 'type', 'subject_id', 'effective_from', 'recorded_at', 'summary']);
    this.employments = new BulkInsert(db, shadowOf('rm_employment'), ['person_id', 'host_organisation_id', 'unit_id', 'employer_id', 'valid_from', 'recorded_from']);
  }

  version(row: FactRow, from: number, to: number | null): void {
    const { columns, insert } = this.versions.get(row.table) ?? this.prepare(row);
    const { values } = row;
    for (let i = 0; i < columns.length; i += 1) insert.value(values[columns[i]] ?? null);
    insert.value(from);
    insert.value(to);
  }

  person(personId: string, profession: string, position: number): void {
    this.people.value(personId);
    this.people.value(profession);
    this.people.value(position);
  }

  change(organisationId: string, position: number, eventId: string, type: string, subjectId: string | null, effectiveFrom: string | null, recordedAt: string, summary: string): void {
    const c = this.changes;
    c.value(organisationId);
    c.value(position);
    c.value(eventId);
    c.value(type);
    c.value(subjectId);
    c.value(effectiveFrom);
    c.value(recordedAt);
    c.value(summary);
  }

  employment(personId: string, hostOrganisationId: string, unitId: string, employerId: string, validFrom: string, position: number): void {
    const e = this.employments;
    e.value(personId);
    e.value(hostOrganisationId);
    e.value(unitId);
    e.value(employerId);
    e.value(validFrom);
    e.value(position);
  }

  /** Inserts every row still waiting; run before each commit. */
  flush(): void {
    for (const { insert } of this.versions.values()) insert.flush();
    this.people.flush();
    this.changes.flush();
    this.employments.flush();
  }

  /** Every row of a table is built with the same columns, so the first row's say what its insert binds. */
  private prepare(row: FactRow): { columns: readonly string[]; insert: BulkInsert } {
    const columns = Object.keys(row.values);
    const entry = { columns, insert: new BulkInsert(this.db, shadowOf(row.table), [...columns, 'recorded_from', 'recorded_to']) };
    this.versions.set(row.table, entry);
    return entry;
  }
}
