import { type ApiHarness, startApiWithDemo } from './support/api-harness';
import { expectFieldError, expectProblem } from './support/fixtures';

/** Given the demo history: cd-med (2015–2019) held by p-cd-med, acted up by p-cons-cardio; the 2019 merger; the 2020 transfer. */
describe('timelines over the demo history', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApiWithDemo();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('GET /posts/:id/timeline', () => {
    it('gives the post’s versions and its holders over time, the acting-up at its corrected start', async () => {
      const res = await api.http.get('/posts/cd-med/timeline').expect(200);

      expect(res.body).toMatchObject({ postId: 'cd-med', organisationId: 'northvale-ft', groupRole: 'clinical-director', createdOn: '2015-04-01', abolishedOn: '2019-04-01' });
      expect(res.body.versions).toEqual([{ from: '2015-04-01', until: '2019-04-01', title: 'Clinical Director (med)', grade: 'consultant', unitId: 'div-medicine', maxHolders: 1 }]);
      expect(res.body.holders.map((h: { personId: string; kind: string; from: string; until: string }) => [h.personId, h.kind, h.from, h.until])).toEqual([
        ['p-cd-med', 'substantive', '2015-04-01', '2019-04-01'],
        ['p-cons-cardio', 'acting', '2017-09-01', '2018-10-01'],
      ]);
    });

    it('answers 404 PostNotFound for an unknown post and 400 naming knownAt for a bad timestamp', async () => {
      expectProblem(await api.http.get('/posts/no-such-post/timeline'), 404, 'PostNotFound');
      expectFieldError(await api.http.get('/posts/cd-med/timeline').query({ knownAt: '2024-13-01T00:00:00Z' }), 'knownAt');
    });
  });

  describe('GET /people/:id/career', () => {
    it('gives p-cd-med two holdings and one unbroken clinical-director spell from 2015-04-01 across the merger', async () => {
      const res = await api.http.get('/people/p-cd-med/career').expect(200);

      expect(res.body.holdings.map((h: { postId: string; unitName: string; from: string; until: string | null }) => [h.postId, h.unitName, h.from, h.until])).toEqual([
        ['cd-med', 'Division of Medicine', '2015-04-01', '2019-04-01'],
        ['cd-medsurg', 'Division of Medicine and Surgery', '2019-04-01', null],
      ]);
      expect(res.body.tenure).toEqual([
        { role: 'clinical-director', from: '2015-04-01', until: null, appointmentIds: ['appt-cd-med', 'appt-cd-medsurg'], postIds: ['cd-med', 'cd-medsurg'], kinds: ['substantive'] },
      ]);
    });

    it('breaks the spell of surgery’s clinical director, who was not re-appointed', async () => {
      const res = await api.http.get('/people/p-cd-surg/career').expect(200);

      expect(res.body.tenure).toEqual([expect.objectContaining({ role: 'clinical-director', from: '2015-04-01', until: '2019-04-01' })]);
    });

    it('answers 404 PersonNotFound for an unknown person, and 400 naming the id for a malformed one', async () => {
      expectProblem(await api.http.get('/people/p-nobody/career'), 404, 'PersonNotFound');
      expectProblem(await api.http.get('/people/%20bad%20/career'), 400, 'ValidationFailed');
    });
  });

  describe('GET /units/:id/lineage', () => {
    it('follows div-medicine into div-medicine-surgery', async () => {
      const res = await api.http.get('/units/div-medicine/lineage').expect(200);

      expect(res.body.predecessors).toEqual([]);
      expect(res.body.successors).toEqual([
        { fromUnitId: 'div-medicine', fromName: 'Division of Medicine', toUnitId: 'div-medicine-surgery', toName: 'Division of Medicine and Surgery', relation: 'merged', effectiveFrom: '2019-04-01', depth: 1 },
      ]);
    });

    it('gives div-medicine-surgery both predecessors', async () => {
      const res = await api.http.get('/units/div-medicine-surgery/lineage').expect(200);

      expect(res.body.predecessors.map((l: { fromUnitId: string }) => l.fromUnitId)).toEqual(['div-medicine', 'div-surgery']);
      expect(res.body.successors).toEqual([]);
    });

    it('shows the community nursing service’s transfer from Brookfield to Northvale', async () => {
      const res = await api.http.get('/units/community-nursing/lineage').expect(200);

      expect(res.body.transfers).toEqual([
        { effectiveFrom: '2020-10-01', fromOrganisationId: 'brookfield-community', toOrganisationId: 'northvale-ft', fromParentUnitId: 'community-services', toParentUnitId: 'div-integrated-care' },
      ]);
      expect(res.body.moves).toEqual([]);
    });

    it('answers 404 UnitNotFound for an unknown unit', async () => {
      expectProblem(await api.http.get('/units/no-such-unit/lineage'), 404, 'UnitNotFound');
    });
  });
});
