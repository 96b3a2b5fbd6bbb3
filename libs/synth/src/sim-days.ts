import type { CalendarDate } from '@orgchange/domain';

const MS_PER_DAY = 86_400_000;
const dates = new Map<number, CalendarDate>();

/** Days since 1970-01-01 (UTC): the simulation schedules on whole days, which compare and add cheaply. */
export const dayOf = (date: CalendarDate): number => Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);

/** The calendar date of a day number (cached: a ten-year history names a few thousand dates). */
export function dateOf(day: number): CalendarDate {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as CalendarDate;
    dates.set(day, date);
  }
  return date;
}

/** The first day of the month after `day`'s month. */
export function nextMonthStart(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_PER_DAY);
}

/** `years` whole years after `day` (same month and day, or 1 March for 29 February). */
export function addYears(day: number, years: number): number {
  const d = new Date(day * MS_PER_DAY);
  return Math.round(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / MS_PER_DAY);
}
