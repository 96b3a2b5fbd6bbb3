import { type CalendarDate, parseCalendarDate } from '@orgchange/domain';

/** An ODS date (`YYYYMMDD`) as a calendar date; undefined when empty; an error message when it is not a real date. */
export function odsDate(value: string | undefined, field: string): CalendarDate | undefined | { error: string } {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = match ? parseCalendarDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
  return date ?? { error: `${field} "${text}" is not a date in the form YYYYMMDD` };
}

export const isDateError = (value: CalendarDate | undefined | { error: string }): value is { error: string } => typeof value === 'object';
