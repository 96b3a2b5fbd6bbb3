import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, establishUnit, expectAccepted, send } from './support/fixtures';

describe('unit commands', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApi();
    await establishOrganisation(api, 'trust');
  });
  afterEach(async () => {
    await api.close();
  });

  describe('given an open organisation', () => {
    it('POST /organisations/:id/units establishes a unit in its stream', async () => {
      const res = await send(api, '/organisations/trust/units', { unitId: 'div-medicine', name: 'Division of Medicine', kind: 'division', effectiveFrom: '2015-04-01' });

      const [logged] = await expectAccepted(api, res, 'organisation-trust', ['UnitEstablished']);
      expect(res.headers.etag).toBe('W/"1"');
      expect(logged.data).toMatchObject({ organisationId: 'trust', unitId: 'div-medicine', kind: 'division', effectiveFrom: '2015-04-01' });
    });
  });

  describe('given two divisions, the first with two directorates', () => {
    beforeEach(async () => {
      await establishUnit(api, 'trust', 'div-a');
      await establishUnit(api, 'trust', 'div-b');
      await establishUnit(api, 'trust', 'dir-x', { parentUnitId: 'div-a', kind: 'directorate' });
      await establishUnit(api, 'trust', 'dir-y', { parentUnitId: 'div-a', kind: 'directorate' });
    });

    it('POST .../units/:unitId/rename renames a unit', async () => {
      const res = await send(api, '/organisations/trust/units/div-a/rename', { name: 'Division of Acute Medicine', effectiveFrom: '2017-01-01' });

      const [logged] = await expectAccepted(api, res, 'organisation-trust', ['UnitRenamed']);
      expect(logged.data).toMatchObject({ unitId: 'div-a', name: 'Division of Acute Medicine' });
    });

    it('POST .../units/:unitId/move re-parents a unit', async () => {
      const res = await send(api, '/organisations/trust/units/dir-x/move', { toParentUnitId: 'div-b', effectiveFrom: '2018-04-01' });

      const [logged] = await expectAccepted(api, res, 'organisation-trust', ['UnitMoved']);
      expect(logged.data).toMatchObject({ unitId: 'dir-x', fromParentUnitId: 'div-a', toParentUnitId: 'div-b', effectiveFrom: '2018-04-01' });
    });

    it('POST .../units/:unitId/split creates the successors and allocates the children (childAllocation)', async () => {
      const res = await send(api, '/organisations/trust/units/div-a/split', {
        successors: [
          { unitId: 'div-a1', name: 'Division A1', kind: 'division' },
          { unitId: 'div-a2', name: 'Division A2', kind: 'division' },
        ],
        childAllocation: { 'dir-x': 'div-a1', 'dir-y': 'div-a2' },
        effectiveFrom: '2019-04-01',
      });

      const logged = await expectAccepted(api, res, 'organisation-trust', ['UnitEstablished', 'UnitEstablished', 'UnitMoved', 'UnitMoved', 'UnitSplit']);
      const moves = logged.filter((e) => e.type === 'UnitMoved').map((e) => [e.data.unitId, e.data.toParentUnitId]);
      expect(moves).toEqual(expect.arrayContaining([['dir-x', 'div-a1'], ['dir-y', 'div-a2']]));
      expect(logged[4].data).toMatchObject({ unitId: 'div-a', successorUnitIds: ['div-a1', 'div-a2'] });
    });

    it('POST .../units/:unitId/dissolve dissolves a unit without children', async () => {
      const res = await send(api, '/organisations/trust/units/div-b/dissolve', { effectiveFrom: '2020-03-31' });

      const [logged] = await expectAccepted(api, res, 'organisation-trust', ['UnitDissolved']);
      expect(logged.data).toMatchObject({ unitId: 'div-b', effectiveFrom: '2020-03-31' });
    });

    it('POST .../unit-merges with newSuccessor creates the successor and moves the children to it', async () => {
      const res = await send(api, '/organisations/trust/unit-merges', {
        unitIds: ['div-a', 'div-b'],
        newSuccessor: { unitId: 'div-ab', name: 'Division A and B', kind: 'division' },
        effectiveFrom: '2019-04-01',
      });

      const logged = await expectAccepted(api, res, 'organisation-trust', ['UnitEstablished', 'UnitMoved', 'UnitMoved', 'UnitsMerged']);
      expect(logged[0].data).toMatchObject({ unitId: 'div-ab' });
      expect(logged.filter((e) => e.type === 'UnitMoved').every((e) => e.data.toParentUnitId === 'div-ab')).toBe(true);
      expect(logged[3].data).toMatchObject({ unitIds: ['div-a', 'div-b'], successorUnitId: 'div-ab' });
    });
  });
});
