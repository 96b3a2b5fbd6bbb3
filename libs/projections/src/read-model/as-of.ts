import type { CalendarDate } from '@orgchange/domain';

/**
 * A point in both times: valid date `at`, and the record as it stood at global position `position`
 * (the last event recorded at or before the caller's `knownAt`).
 */
export type AsOf = Readonly<{ at: CalendarDate; position: number }>;

/** SQL condition for rows of `alias` that hold on `@at` as recorded up to `@position`. */
export const holdsAsOf = (alias: string): string =>
  `${alias}.valid_from <= @at AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > @at) AND ${alias}.recorded_from <= @position AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @position)`;

/** SQL condition for rows of `alias` as recorded up to `@position`, at any valid time. */
export const recordedAsOf = (alias: string): string =>
  `${alias}.recorded_from <= @position AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @position)`;
