import type { OrganisationsMerged } from '@orgchange/domain';
import { day, organisationEstablished, unitEstablished, unitMoved } from '@orgchange/testing';
import { givenLog, rowsOf } from '../testing/given-log';

const merged: OrganisationsMerged = { type: 'OrganisationsMerged', version: 1, data: { predecessorIds: ['a', 'b'], successorId: 'c', effectiveFrom: day('2020-04-01') } };

describe('given a merger of trusts a and b into c on 2020-04-01, appended to all three streams, and a unit move on 2020-03-31', () => {
  const model = givenLog([
    organisationEstablished('a', '2010-01-01'),
    organisationEstablished('b', '2010-01-01'),
    organisationEstablished('c', '2020-04-01'),
    unitEstablished('a', 'div', '2010-01-01'),
    unitEstablished('a', 'dir', '2010-01-01'),
    ['a', merged],
    ['b', merged],
    ['c', merged],
    unitMoved('a', 'dir', '2020-03-31', undefined, 'div'),
  ]);
  const pick = (rows: (string | number | null)[][]) => rows.filter((r) => r[2] === 'restructures.organisation-merge' || r[2] === 'restructures.unit-move');

  it('counts the merger once in the quarter it takes effect, on its first day, and the move on the last day of the quarter before', () =>
    expect(pick(rowsOf(model, ['restructures'], { from: '2020-01-01', to: '2020-06-30' }))).toEqual([
      ['2020-01-01', 'all', 'restructures.organisation-merge', 0],
      ['2020-01-01', 'all', 'restructures.unit-move', 1],
      ['2020-04-01', 'all', 'restructures.organisation-merge', 1],
      ['2020-04-01', 'all', 'restructures.unit-move', 0],
    ]));

  it('counts the merger for each organisation it involves', () =>
    expect(pick(rowsOf(model, ['restructures'], { from: '2020-04-01', to: '2020-06-30', by: 'organisation' })).filter((r) => r[3] === 1).map((r) => r[1])).toEqual(['a', 'b', 'c']));

  it('closes the predecessors on the merger date', () =>
    expect(rowsOf(model, ['open-organisations'], { from: '2020-01-01', to: '2020-06-30', by: 'organisation' }).filter((r) => r[0] === '2020-04-01')).toEqual([['2020-04-01', 'c', 'open-organisations', 1]]));
});
