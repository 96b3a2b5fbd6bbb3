import { dayNumber, type NumericAsOf } from './versioned-rows';

/** An organisation's name, kind and code on a date, and the first and last day of its whole life as then recorded. */
export type OrganisationOnDate = Readonly<{ name: string; kind: string; code: string | null; opened: string; closes: string | null }>;

/** One row of rm_organisations as read: name, kind, code, then its two intervals. */
export type OrganisationRow = readonly [name: string, kind: string, code: string | null, validFrom: string, validTo: string | null, recordedFrom: number, recordedTo: number | null];

/**
 * Every version of one organisation's rows (one per name), in the order its as-of index returns them. The row
 * valid on the date gives the name; the organisation's whole life spans all the rows recorded at the position.
 */
export class OrganisationVersions {
  private readonly validFrom: number[];
  private readonly validTo: number[];

  constructor(private readonly rows: readonly OrganisationRow[]) {
    this.validFrom = rows.map((r) => dayNumber(r[3]));
    this.validTo = rows.map((r) => (r[4] === null ? Infinity : dayNumber(r[4])));
  }

  /** Undefined when the organisation did not exist on the date as recorded at the position. */
  on(point: NumericAsOf): OrganisationOnDate | undefined {
    let named: OrganisationRow | undefined;
    let opened: string | undefined;
    let closes: string | null | undefined;
    this.rows.forEach((row, i) => {
      const [, , , validFrom, validTo, recordedFrom, recordedTo] = row;
      if (recordedFrom > point.position || (recordedTo !== null && recordedTo <= point.position)) return;
      if (!named && this.validFrom[i] <= point.day && this.validTo[i] > point.day) named = row;
      if (opened === undefined || validFrom < opened) opened = validFrom;
      // Open-ended while any recorded row is: as SQL's max() over the ends when none is null.
      closes = closes === null || validTo === null ? null : closes === undefined || validTo > closes ? validTo : closes;
    });
    return named && { name: named[0], kind: named[1], code: named[2], opened: opened!, closes: closes ?? null };
  }
}
