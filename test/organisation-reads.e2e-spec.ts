import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, establishUnit, expectFieldError, expectProblem, given } from './support/fixtures';

type UnitView = { unitId: string; parentUnitId: string | null; name: string };
const byId = (units: UnitView[]) => Object.fromEntries(units.map((u) => [u.unitId, u.parentUnitId]));

/**
 * Given: east (2012–), west (2015, closes 2020-04-01, renamed 2016); in east, div-a (with dir-x) and div-b,
 * dir-y moved from div-a to div-b on 2017-01-01, and div-a + div-b merged into a new div-ab on 2019-04-01.
 * "Today" is 2018-06-01 by the injected clock.
 */
describe('organisation reads', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ clock: { now: () => new Date('2018-06-01T12:00:00Z') } });
    await establishOrganisation(api, 'east', '2012-04-01');
    await establishOrganisation(api, 'west', '2015-04-01', 'council');
    await given(api, '/organisations/west/rename', { name: 'West Council', effectiveFrom: '2016-04-01' });
    await given(api, '/organisations/west/close', { effectiveFrom: '2020-04-01' });
    await establishUnit(api, 'east', 'div-a');
    await establishUnit(api, 'east', 'div-b');
    await establishUnit(api, 'east', 'dir-x', { parentUnitId: 'div-a', kind: 'directorate' });
    await establishUnit(api, 'east', 'dir-y', { parentUnitId: 'div-a', kind: 'directorate' });
    await given(api, '/organisations/east/units/dir-y/move', { toParentUnitId: 'div-b', effectiveFrom: '2017-01-01' });
    await given(api, '/organisations/east/unit-merges', { unitIds: ['div-a', 'div-b'], newSuccessor: { unitId: 'div-ab', name: 'Division AB', kind: 'division' }, effectiveFrom: '2019-04-01' });
  });
  afterAll(async () => {
    await api.close();
  });

  describe('GET /organisations', () => {
    it.each([
      ['2013-01-01', { east: 'open', west: 'not-yet-established' }],
      ['2018-01-01', { east: 'open', west: 'open' }],
      ['2021-01-01', { east: 'open', west: 'closed' }],
    ])('lists every established organisation with its status on %s', async (at, statuses) => {
      const res = await api.http.get('/organisations').query({ at }).expect(200);

      expect(res.body.at).toBe(at);
      expect(Object.fromEntries(res.body.organisations.map((o: { organisationId: string; status: string }) => [o.organisationId, o.status]))).toEqual(statuses);
    });

    it('shows the name in force on the date and the closing date', async () => {
      const res = await api.http.get('/organisations').query({ at: '2017-01-01' }).expect(200);

      expect(res.body.organisations.find((o: { organisationId: string }) => o.organisationId === 'west')).toMatchObject({ name: 'West Council', kind: 'council', closedOn: '2020-04-01' });
    });

    it('looks at today (from the clock) without ?at=', async () => {
      const res = await api.http.get('/organisations').expect(200);

      expect(res.body.at).toBe('2018-06-01');
    });
  });

  describe('GET /organisations/:id/units', () => {
    it('before the move: both directorates under div-a', async () => {
      const res = await api.http.get('/organisations/east/units').query({ at: '2016-06-01' }).expect(200);

      expect(byId(res.body.units)).toEqual({ 'div-a': null, 'div-b': null, 'dir-x': 'div-a', 'dir-y': 'div-a' });
    });

    it('after the move, before the merger: dir-y under div-b (today by default)', async () => {
      const res = await api.http.get('/organisations/east/units').expect(200);

      expect(res.body.at).toBe('2018-06-01');
      expect(byId(res.body.units)).toEqual({ 'div-a': null, 'div-b': null, 'dir-x': 'div-a', 'dir-y': 'div-b' });
    });

    it('after the merger: only the successor, with the children moved to it', async () => {
      const res = await api.http.get('/organisations/east/units').query({ at: '2019-04-01' }).expect(200);

      expect(byId(res.body.units)).toEqual({ 'div-ab': null, 'dir-x': 'div-ab', 'dir-y': 'div-ab' });
      expect(res.body.organisation).toMatchObject({ organisationId: 'east', status: 'open' });
    });

    it('answers 404 OrganisationNotFound for an unknown organisation', async () => {
      const res = await api.http.get('/organisations/nowhere/units');

      expectProblem(res, 404, 'OrganisationNotFound');
    });
  });

  it.each(['/organisations', '/organisations/east/units'])('%s refuses ?at=2023-02-30 with 400 naming at', async (path) => {
    const res = await api.http.get(path).query({ at: '2023-02-30' });

    expectFieldError(res, 'at');
  });
});
