import type { UnitVersionView } from './lineage.types';
import { unitHistory } from './unit-history';

const version = (organisationId: string, from: string, until: string | null, name = 'Community Nursing', parentUnitId: string | null = 'div-a'): UnitVersionView => ({
  organisationId,
  name,
  kind: 'service',
  parentUnitId,
  from,
  until,
});

describe('a unit’s own history', () => {
  it('reads a rename and a move from consecutive versions in one organisation', () => {
    const history = unitHistory([
      version('east', '2015-04-01', '2017-01-01'),
      version('east', '2017-01-01', '2018-01-01', 'District Nursing'),
      version('east', '2018-01-01', null, 'District Nursing', 'div-b'),
    ]);

    expect(history).toEqual({
      renames: [{ organisationId: 'east', effectiveFrom: '2017-01-01', fromName: 'Community Nursing', toName: 'District Nursing' }],
      moves: [{ organisationId: 'east', effectiveFrom: '2018-01-01', fromParentUnitId: 'div-a', toParentUnitId: 'div-b' }],
      transfers: [],
    });
  });

  it('reads a transfer when the unit starts in another organisation on the day it left the first, without a rename or move', () => {
    const history = unitHistory([version('west', '2020-10-01', null, 'Community Nursing Service', 'div-care'), version('east', '2011-04-01', '2020-10-01')]);

    expect(history).toEqual({
      renames: [],
      moves: [],
      transfers: [{ effectiveFrom: '2020-10-01', fromOrganisationId: 'east', toOrganisationId: 'west', fromParentUnitId: 'div-a', toParentUnitId: 'div-care' }],
    });
  });

  it('sees no transfer when the unit closes in one organisation and a unit of that id appears elsewhere later', () => {
    expect(unitHistory([version('east', '2011-04-01', '2019-01-01'), version('west', '2020-01-01', null)]).transfers).toEqual([]);
  });

  it('sees nothing in a unit that never changed', () => {
    expect(unitHistory([version('east', '2011-04-01', null)])).toEqual({ renames: [], moves: [], transfers: [] });
  });
});
