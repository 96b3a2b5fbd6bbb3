import { dayBefore, dayNumber, instantBefore, isCalendarDate, isoDate, nextTick, previousTick } from './calendar';

describe('calendar days for the time slider', () => {
  it('round-trips dates through day numbers, across a leap day', () => {
    expect(isoDate(dayNumber('2020-02-29'))).toBe('2020-02-29');
    expect(dayNumber('2020-03-01') - dayNumber('2020-02-28')).toBe(2);
    expect(dayBefore('2019-04-01')).toBe('2019-03-31');
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2019-04-01')).toBe(true);
    expect(isCalendarDate('2019-02-30')).toBe(false);
    expect(isCalendarDate('2019-4-1')).toBe(false);
  });

  it('finds the neighbouring change ticks, none past either end', () => {
    const ticks = [10, 20, 30];
    expect(nextTick(ticks, 20)).toBe(30);
    expect(nextTick(ticks, 30)).toBeUndefined();
    expect(previousTick(ticks, 20)).toBe(10);
    expect(previousTick(ticks, 10)).toBeUndefined();
  });

  it('steps one millisecond back from a recorded instant', () => {
    expect(instantBefore('2026-11-30T09:05:42.097Z')).toBe('2026-11-30T09:05:42.096Z');
  });
});
