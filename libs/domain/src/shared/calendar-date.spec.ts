import { addDays, addMonths, type CalendarDate, containsDate, isCalendarDate, overlaps, parseCalendarDate } from './calendar-date';
import { day } from '@orgchange/testing';

describe('isCalendarDate', () => {
  it.each(['2023-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-2-1', '2023-02-01T00:00:00Z', '01/02/2023', ''])(
    'rejects %p',
    (value) => expect(isCalendarDate(value)).toBe(false),
  );

  it('accepts 29 February in a leap year', () => expect(isCalendarDate('2024-02-29')).toBe(true));
  it('rejects 29 February in a common year', () => expect(isCalendarDate('2023-02-29')).toBe(false));
  it('rejects 29 February in a century year that is not a leap year', () => expect(isCalendarDate('1900-02-29')).toBe(false));
  it('accepts the last day of a 31-day month', () => expect(isCalendarDate('2023-12-31')).toBe(true));
  it('rejects values that are not strings', () => expect(isCalendarDate(20230101)).toBe(false));
  it('parses a real date and gives undefined for an impossible one', () => {
    expect(parseCalendarDate('2023-02-28')).toBe('2023-02-28');
    expect(parseCalendarDate('2023-02-30')).toBeUndefined();
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays(day('2023-12-31'), 1)).toBe('2024-01-01');
    expect(addDays(day('2024-03-01'), -1)).toBe('2024-02-29');
  });
});

describe('a half-open date interval', () => {
  const term = { from: day('2024-01-01'), until: day('2024-04-01') };

  it('contains its first day but not its end day', () => {
    expect(containsDate(term, day('2024-01-01'))).toBe(true);
    expect(containsDate(term, day('2024-04-01'))).toBe(false);
  });
  it('does not overlap an interval that starts on its end day', () => expect(overlaps(term, { from: day('2024-04-01') })).toBe(false));
  it('overlaps an open-ended interval that starts inside it', () => expect(overlaps({ from: day('2024-03-31') }, term)).toBe(true));
  it('contains every later date when open-ended', () => expect(containsDate({ from: day('2024-01-01') }, day('2099-12-31'))).toBe(true));
});

describe('addMonths', () => {
  it.each([
    ['2026-09-01', 6, '2027-03-01'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-12-15', -12, '2025-12-15'],
  ])('%s plus %d months is %s', (date, months, expected) => expect(addMonths(date as CalendarDate, months)).toBe(expected));
});
