import type { Database, Statement } from 'better-sqlite3';
import { addDays, type CalendarDate } from '@orgchange/domain';
import { holdsAsOf, recordedAsOf } from '../read-model/as-of';
import type { KnownAt, ReadPoint } from '../queries/read-point';

/**
 * An organisation as a directory lists it. `closedOn` is the last day it was open, as NHS ODS gives close
 * dates (inclusive), or null while it is open-ended; the record itself keeps the first day it no longer
 * exists, so `closedOn` is that day minus one. An organisation is open on its `closedOn`.
 */
export type OrganisationEntryView = Readonly<{
  organisationId: string;
  code: string | null;
  /** The name on the date asked about (or, for a lookup, the last recorded name). */
  name: string;
  kind: string;
  openedOn: string;
  closedOn: string | null;
}>;

type EntryRow = { organisation_id: string; code: string | null; name: string; kind: string; opened_on: string; ends_on: string | null };

/** Opening day, and the first day closed when every recorded version has an end (null while one is open-ended). */
const lifespan = `
  (SELECT MIN(a.valid_from) FROM rm_organisations a WHERE a.organisation_id = o.organisation_id AND ${recordedAsOf('a')}) AS opened_on,
  (SELECT CASE WHEN COUNT(*) = COUNT(a.valid_to) THEN MAX(a.valid_to) END FROM rm_organisations a WHERE a.organisation_id = o.organisation_id AND ${recordedAsOf('a')}) AS ends_on`;

/** Organisations by kind on a date, and lookups by id or by external code (such as an ODS code). */
export class OrganisationDirectoryQuery {
  private readonly openOfKind: Statement;
  private readonly byId: Statement;
  private readonly byCode: Statement;
  private readonly byCodeOn: Statement;

  constructor(db: Database) {
    this.openOfKind = db.prepare(`SELECT o.organisation_id, o.code, o.name, o.kind, ${lifespan} FROM rm_organisations o
      WHERE (@kind IS NULL OR o.kind = @kind) AND ${holdsAsOf('o')} ORDER BY o.code IS NULL, o.code, o.organisation_id`);
    const latest = `SELECT o.organisation_id, o.code, o.name, o.kind, ${lifespan} FROM rm_organisations o WHERE %WHERE% AND ${recordedAsOf('o')} ORDER BY o.valid_from DESC LIMIT 1`;
    this.byId = db.prepare(latest.replace('%WHERE%', 'o.organisation_id = @ref'));
    // Codes are matched without regard to case: ODS codes are upper case but are often typed otherwise.
    this.byCode = db.prepare(latest.replace('%WHERE%', 'o.code = @ref COLLATE NOCASE'));
    // Some codes are reused over time (a department's short name outlives the department): prefer the one open that day.
    this.byCodeOn = db.prepare(
      latest
        .replace('%WHERE%', 'o.code = @ref COLLATE NOCASE')
        .replace('ORDER BY o.valid_from DESC', 'ORDER BY (o.valid_from <= @at AND (o.valid_to IS NULL OR o.valid_to > @at)) DESC, o.valid_from DESC'),
    );
  }

  /** Organisations open on `point.at` (of `kind`, or of any kind), ordered by code. */
  openOn(kind: string | undefined, point: ReadPoint): OrganisationEntryView[] {
    return (this.openOfKind.all({ kind: kind ?? null, at: point.at, position: point.position }) as EntryRow[]).map(toEntry);
  }

  /** The organisation with this id, or else the one with this external code open on `point.at` (or the latest). */
  resolveOn(ref: string, point: ReadPoint): OrganisationEntryView | undefined {
    const row = (this.byId.get({ ref, position: point.position }) ?? this.byCodeOn.get({ ref, position: point.position, at: point.at })) as EntryRow | undefined;
    return row && toEntry(row);
  }

  /** The organisation with this id, or else with this external code, as recorded at the position. */
  resolve(ref: string, point: KnownAt): OrganisationEntryView | undefined {
    const params = { ref, position: point.position };
    const row = (this.byId.get(params) ?? this.byCode.get(params)) as EntryRow | undefined;
    return row && toEntry(row);
  }
}

const toEntry = (r: EntryRow): OrganisationEntryView => ({
  organisationId: r.organisation_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  openedOn: r.opened_on,
  closedOn: r.ends_on === null ? null : addDays(r.ends_on as CalendarDate, -1),
});
