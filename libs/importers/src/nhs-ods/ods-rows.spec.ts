import { parseDirectoryRow } from './ods-directory';
import { parseMembershipRow } from './ods-memberships';
import { groupSuccessions, type OdsSuccessionRow, parseSuccessionRow } from './ods-successions';
import type { CalendarDate } from '@orgchange/domain';

/** A 27-field ODS directory row with the given code, name, open/close dates, field 14 and field 26. */
const directoryRow = (code: string, name: string, open: string, close = '', role = '', setting = '') => {
  const fields = Array<string>(27).fill('');
  Object.assign(fields, { 0: code, 1: name, 10: open, 11: close, 13: role, 25: setting });
  return fields;
};
const day = (d: string) => d as CalendarDate;

describe('an ODS directory row', () => {
  it('gives a closed CCG (no role) its open date and its first closed day, the day after the inclusive close date', () =>
    expect(parseDirectoryRow('eccg.csv', 1, directoryRow('00C', 'NHS DARLINGTON CCG', '20130401', '20200331'))).toEqual({
      code: '00C', name: 'NHS DARLINGTON CCG', kind: 'ccg', openedOn: '2013-04-01', closedFrom: '2020-04-01', file: 'eccg.csv', row: 1,
    }));

  it('makes a CCG still open on 2022-07-01 (role RO319) a sub-ICB location from that day', () =>
    expect(parseDirectoryRow('eccg.csv', 2, directoryRow('00L', 'NHS NORTH EAST - 00L', '20130401', '', 'RO319'))).toMatchObject({ kind: 'ccg', becomesSubIcbLocationOn: '2022-07-01' }));

  it('reads a second role after a bar (RO319|RO326) as still a CCG', () =>
    expect(parseDirectoryRow('eccg.csv', 3, directoryRow('01A', 'X', '20130401', '', 'RO319|RO326'))).toMatchObject({ kind: 'ccg', becomesSubIcbLocationOn: '2022-07-01' }));

  it('makes a commissioning hub (RO218) and a sub-ICB reporting entity (RO327) no CCG', () => {
    expect(parseDirectoryRow('eccg.csv', 4, directoryRow('13Q', 'HUB', '20130401', '', 'RO218'))).toMatchObject({ kind: 'commissioning-hub' });
    expect(parseDirectoryRow('eccg.csv', 5, directoryRow('X2T4Q', 'ENTITY', '20240401', '', 'RO327'))).toMatchObject({ kind: 'other' });
  });

  it('makes every etr row an NHS trust and an epraccur row a GP practice only in prescribing setting 4', () => {
    expect(parseDirectoryRow('etr.csv', 1, directoryRow('RW6', 'PENNINE', '20020401', '20210930'))).toMatchObject({ kind: 'nhs-trust', closedFrom: '2021-10-01' });
    expect(parseDirectoryRow('epraccur.csv', 1, directoryRow('A81001', 'THE DENSHAM SURGERY', '19740401', '', 'B', '4'))).toMatchObject({ kind: 'gp-practice' });
    expect(parseDirectoryRow('epraccur.csv', 2, directoryRow('Y00001', 'PRISON', '20100401', '', 'B', '25'))).toMatchObject({ kind: 'other' });
  });

  it.each([
    [directoryRow('00C', 'X', '2013041'), 'BadDate'],
    [directoryRow('00C', 'X', '20130231'), 'BadDate'],
    [directoryRow('00C', 'X', ''), 'MissingOpenDate'],
    [directoryRow('00C', '', '20130401'), 'MissingName'],
    [directoryRow('bad code!', 'X', '20130401'), 'BadCode'],
    [directoryRow('00C', 'X', '20130401', '20120101'), 'ClosedBeforeOpened'],
  ])('rejects %j as %s', (fields, rule) => expect(parseDirectoryRow('eccg.csv', 9, fields)).toMatchObject({ rule }));
});

describe('an epcmem row', () => {
  it('keeps the join date and makes the inclusive left date exclusive', () =>
    expect(parseMembershipRow(7, ['A81001', '5E1', 'W', '20010401', '20130331', '0'])).toEqual({ practiceCode: 'A81001', parentCode: '5E1', joinedOn: '2001-04-01', leftFrom: '2013-04-01', row: 7 }));

  it('leaves an open membership open', () => expect(parseMembershipRow(8, ['A81001', '00K', 'W', '20130401', '', '0'])).not.toHaveProperty('leftFrom'));

  it('rejects leaving before joining', () => expect(parseMembershipRow(9, ['A81001', '00K', 'W', '20130401', '20120101', '0'])).toMatchObject({ rule: 'LeftBeforeJoined' }));
});

describe('successions', () => {
  const row = (n: number, oldCode: string, newCode: string, date: string): OdsSuccessionRow => ({ oldCode, newCode, effectiveFrom: day(date), row: n });
  const opened: Record<string, string> = { NEW: '2020-04-01', OLDER: '1994-04-01' };

  it('groups one predecessor with two successors on one date into a split', () =>
    expect(groupSuccessions([row(1, 'RW6', 'RM3', '2021-10-01'), row(2, 'RW6', 'R0A', '2021-10-01')], () => undefined)).toEqual([
      { kind: 'split', predecessor: 'RW6', successors: ['R0A', 'RM3'], effectiveFrom: '2021-10-01', rows: [1, 2] },
    ]));

  it('groups several predecessors of one successor on one date into a merger', () =>
    expect(groupSuccessions([row(1, 'A', 'NEW', '2020-04-01'), row(2, 'B', 'NEW', '2020-04-01')], (c) => day(opened[c]))).toEqual([
      { kind: 'merger', predecessors: ['A', 'B'], successor: 'NEW', effectiveFrom: '2020-04-01', rows: [1, 2] },
    ]));

  it('tells a re-coding (the successor opens that day) from a take-over (it existed before)', () => {
    const groups = groupSuccessions([row(1, 'A', 'NEW', '2020-04-01'), row(2, 'B', 'OLDER', '2012-04-01')], (c) => day(opened[c]));

    expect(groups.map((g) => g.kind)).toEqual(['take-over', 're-coding']);
  });

  it('orders restructures by effective date so a chain is decided in order', () =>
    expect(groupSuccessions([row(1, 'B', 'C', '2020-04-01'), row(2, 'A', 'B', '2015-04-01')], () => undefined).map((g) => g.effectiveFrom)).toEqual(['2015-04-01', '2020-04-01']));

  it.each([
    [['A', '', '', '20200401', '1'], 'MissingCode'],
    [['A', 'A', '', '20200401', '1'], 'SuccessorIsPredecessor'],
    [['A', 'B', '', '', '1'], 'MissingDate'],
    [['A', 'B', '', '2020-04-01', '1'], 'BadDate'],
  ])('rejects %j as %s', (fields, rule) => expect(parseSuccessionRow(1, fields)).toMatchObject({ rule }));
});
