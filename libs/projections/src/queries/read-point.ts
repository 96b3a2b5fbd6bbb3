import { type CalendarDate, isCalendarDate } from '@orgchange/domain';

/**
 * Where a query looks from: the valid date `at`, the recorded instant `knownAt` it was asked for, and the
 * global position that instant resolved to (the last event recorded at or before it). Rows recorded after
 * `position` are invisible, so an answer never changes once `knownAt` has passed.
 */
export type ReadPoint = Readonly<{ at: CalendarDate; knownAt: string; position: number }>;

/** As a {@link ReadPoint} without a valid date, for queries over all valid time (timelines, lineage). */
export type KnownAt = Omit<ReadPoint, 'at'>;

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads an ISO 8601 timestamp with a zone (`2024-04-01T09:30:00Z`, `2024-04-01T10:30+01:00`) and returns it
 * in the store's own form (UTC, milliseconds) so it compares with `recordedAt` as a string; undefined when
 * it is not one. A bare date is refused: it would leave the time of day (and so the events seen) to guesswork.
 */
export function parseInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = INSTANT.exec(value);
  if (!match || !isCalendarDate(match[1])) return undefined;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** Message for a value {@link parseInstant} refused, naming the parameter or option. */
export const instantMessage = (name: string): string =>
  `${name} must be an ISO 8601 timestamp with a time zone, such as 2024-04-01T09:30:00Z`;
