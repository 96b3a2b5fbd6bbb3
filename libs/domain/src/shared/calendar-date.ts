/** A real calendar date in ISO form `YYYY-MM-DD` (valid time). Branded so a raw string cannot pass unchecked. */
export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` and names a day that exists (`2023-02-30` does not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a date or returns undefined; callers turn undefined into their own named error. */
export function parseCalendarDate(value: unknown): CalendarDate | undefined {
  return isCalendarDate(value) ? value : undefined;
}

/** The calendar date of an instant, in UTC. */
export function calendarDateOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10) as CalendarDate;
}

/** `date` plus `days` (negative to go back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return calendarDateOf(instant);
}

/** `date` plus `months`, the day clamped to the end of a shorter month (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(day, lastDay));
  return calendarDateOf(target);
}

/** ISO dates sort as strings, so comparison needs no parsing. */
export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => a < b;
export const isOnOrBefore = (a: CalendarDate, b: CalendarDate): boolean => a <= b;

/** A half-open interval of valid time: `from` inclusive, `until` exclusive; no `until` means open-ended. */
export type DateInterval = Readonly<{ from: CalendarDate; until?: CalendarDate }>;

export const containsDate = (interval: DateInterval, date: CalendarDate): boolean =>
  interval.from <= date && (interval.until === undefined || date < interval.until);

export const overlaps = (a: DateInterval, b: DateInterval): boolean =>
  (a.until === undefined || b.from < a.until) && (b.until === undefined || a.from < b.until);
