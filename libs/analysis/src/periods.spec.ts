import { day } from '@orgchange/testing';
import { calendarPeriods, dayNumber, periodIndexOf } from './periods';

describe('calendar periods', () => {
  it('given dates inside quarters, covers the whole quarters that contain them, first and last day inclusive', () => {
    expect(calendarPeriods(day('2019-02-15'), day('2019-07-01'), 'quarter').map((p) => [p.start, p.end])).toEqual([
      ['2019-01-01', '2019-03-31'],
      ['2019-04-01', '2019-06-30'],
      ['2019-07-01', '2019-09-30'],
    ]);
  });

  it('given a leap year, ends February on the 29th', () => {
    expect(calendarPeriods(day('2020-02-01'), day('2020-02-01'), 'month')).toMatchObject([{ start: '2020-02-01', end: '2020-02-29' }]);
  });

  it('given years, starts each on 1 January', () => {
    expect(calendarPeriods(day('2013-06-30'), day('2015-01-01'), 'year').map((p) => p.start)).toEqual(['2013-01-01', '2014-01-01', '2015-01-01']);
  });

  it('given from after to, refuses', () => {
    expect(() => calendarPeriods(day('2020-01-02'), day('2020-01-01'), 'month')).toThrow(RangeError);
  });

  it('finds the period of a day, its first and last day included, and none outside', () => {
    const periods = calendarPeriods(day('2020-01-01'), day('2020-06-30'), 'quarter');
    expect([dayNumber('2020-03-31'), dayNumber('2020-04-01'), dayNumber('2020-06-30'), dayNumber('2020-07-01'), dayNumber('2019-12-31')].map((d) => periodIndexOf(periods, d))).toEqual([0, 1, 1, -1, -1]);
  });
});
