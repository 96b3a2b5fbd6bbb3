import type { OrganisationEstablished } from '@orgchange/domain';
import { day, organisationClosed, organisationEstablished, unitDissolved, unitEstablished } from '@orgchange/testing';
import { givenLog, rowsOf } from '../testing/given-log';

const ccg = (organisationId: string, on: string): OrganisationEstablished => ({ ...organisationEstablished(organisationId, on), data: { ...organisationEstablished(organisationId, on).data, kind: 'ccg' } });

describe('given a trust with a board, two divisions and a directorate, and a CCG closed on 2020-04-01', () => {
  const model = givenLog([
    organisationEstablished('trust', '2019-01-01'),
    ccg('ccg', '2013-04-01'),
    unitEstablished('trust', 'board', '2019-01-01', { kind: 'board' }),
    unitEstablished('trust', 'medicine', '2019-01-01', { parentUnitId: 'board' }),
    unitEstablished('trust', 'surgery', '2019-01-01', { parentUnitId: 'board' }),
    unitEstablished('trust', 'cardiology', '2020-02-15', { parentUnitId: 'medicine', kind: 'directorate' }),
    unitDissolved('trust', 'surgery', '2020-04-01'),
    organisationClosed('ccg', '2020-04-01'),
  ]);
  const asked = { from: '2019-10-01', to: '2020-06-30' };

  it('counts organisations open on the last day of each quarter: a closing date is the first day closed', () =>
    expect(rowsOf(model, ['open-organisations'], asked)).toEqual([
      ['2019-10-01', 'all', 'open-organisations', 2],
      ['2020-01-01', 'all', 'open-organisations', 2],
      ['2020-04-01', 'all', 'open-organisations', 1],
    ]));

  it('counts open units per organisation kind', () =>
    expect(rowsOf(model, ['open-units'], { ...asked, by: 'kind' })).toEqual([
      ['2019-10-01', 'ccg', 'open-units', 0],
      ['2019-10-01', 'nhs-trust', 'open-units', 3],
      ['2020-01-01', 'ccg', 'open-units', 0],
      ['2020-01-01', 'nhs-trust', 'open-units', 4],
      ['2020-04-01', 'nhs-trust', 'open-units', 3],
    ]));

  it('measures layers as the depth of the unit tree, a unit-less organisation counting 0 in the mean', () =>
    expect(rowsOf(model, ['layers'], { ...asked, by: 'organisation' }).map((r) => r.slice(1))).toEqual([
      ['ccg', 'layers', 0],
      ['trust', 'layers', 2],
      ['ccg', 'layers', 0],
      ['trust', 'layers', 3],
      ['trust', 'layers', 3],
    ]));

  it('measures span as child units per parent unit: the board has two divisions, then one, beside the directorate under medicine', () =>
    expect(rowsOf(model, ['span'], { ...asked, from: day('2020-01-01') }).map((r) => r[3])).toEqual([1.5, 1]));
});
