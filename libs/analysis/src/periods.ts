import { type CalendarDate, isCalendarDate } from '@orgchange/domain';

export const PERIOD_LENGTHS = ['month', 'quarter', 'year'] as const;
export type PeriodLength = (typeof PERIOD_LENGTHS)[number];

/**
 * A calendar period of valid time. `start` and `end` are both inclusive days, as an analyst reads
 * "2020-Q1: 2020-01-01 to 2020-03-31"; `startDay`/`endDay` are the same days as day numbers for fast comparison.
 */
export type Period = Readonly<{ start: CalendarDate; end: CalendarDate; startDay: number; endDay: number }>;

const MS_PER_DAY = 86_400_000;
const MONTHS: Record<PeriodLength, number> = { month: 1, quarter: 3, year: 12 };

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, any suffix ignored). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export const dateOfDay = (day: number): CalendarDate => new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as CalendarDate;

/**
 * The calendar periods (months, quarters from January, or years) that overlap `from`..`to`, the first one
 * containing `from` and the last one containing `to`, so every period is whole and comparable.
 */
export function calendarPeriods(from: CalendarDate, to: CalendarDate, every: PeriodLength): Period[] {
  if (!isCalendarDate(from) || !isCalendarDate(to)) throw new RangeError(`not calendar dates: ${from}, ${to}`);
  if (to < from) throw new RangeError(`${to} is before ${from}`);
  const step = MONTHS[every];
  const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const periods: Period[] = [];
  for (let m = months(from) - (months(from) % step); m <= months(to); m += step) {
    const startDay = Date.UTC(Math.floor(m / 12), m % 12, 1) / MS_PER_DAY;
    const next = m + step;
    const endDay = Date.UTC(Math.floor(next / 12), next % 12, 1) / MS_PER_DAY - 1;
    periods.push({ start: dateOfDay(startDay), end: dateOfDay(endDay), startDay, endDay });
  }
  return periods;
}

/** The index of the period containing `day`, or -1 when it falls outside them all. */
export function periodIndexOf(periods: readonly Period[], day: number): number {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (day < periods[mid].startDay) high = mid - 1;
    else if (day > periods[mid].endDay) low = mid + 1;
    else return mid;
  }
  return -1;
}
