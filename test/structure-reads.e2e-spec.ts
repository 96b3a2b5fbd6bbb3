import { type ApiHarness, startApiWithDemo } from './support/api-harness';
import { expectFieldError, expectProblem } from './support/fixtures';

type Unit = { unitId: string; children: Unit[]; posts: { postId: string; holders: { personId: string; kind: string }[] }[] };
const unitIds = (units: Unit[]): string[] => units.flatMap((u) => [u.unitId, ...unitIds(u.children)]);
const find = (units: Unit[], id: string): Unit | undefined => units.map((u) => (u.unitId === id ? u : find(u.children, id))).find(Boolean);
const unitIdsOf = (list: { unitId: string }[]) => list.map((x) => x.unitId).sort();
const postIdsOf = (list: { postId: string }[]) => list.map((x) => x.postId).sort();

/** Given the demo history: Northvale (ODS code ZZ1) merges Medicine and Surgery on 2019-04-01. */
describe('structure, changes and diff reads over the demo history', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApiWithDemo();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('GET /organisations/:id/structure', () => {
    it('shows Medicine and Surgery before the merger, with the acting clinical director covering', async () => {
      const res = await api.http.get('/organisations/northvale-ft/structure').query({ at: '2018-01-01' }).expect(200);

      expect(res.body).toMatchObject({ organisation: { organisationId: 'northvale-ft', code: 'ZZ1' }, at: '2018-01-01' });
      expect(unitIds(res.body.units)).toEqual(expect.arrayContaining(['div-medicine', 'div-surgery', 'dir-emergency']));
      expect(unitIds(res.body.units)).not.toContain('div-medicine-surgery');
      const cdMed = find(res.body.units, 'div-medicine')!.posts.find((p) => p.postId === 'cd-med')!;
      expect(cdMed.holders.map((h) => [h.personId, h.kind])).toEqual([['p-cd-med', 'substantive'], ['p-cons-cardio', 'acting']]);
    });

    it('shows the merged division after the merger, its directorates under it, found by ODS code', async () => {
      const res = await api.http.get('/organisations/ZZ1/structure').query({ at: '2020-01-01' }).expect(200);

      expect(unitIds(res.body.units)).not.toContain('div-medicine');
      expect(unitIds(find(res.body.units, 'div-medicine-surgery')!.children)).toEqual(expect.arrayContaining(['dir-emergency', 'dir-trauma']));
      expect(res.body.organisation.organisationId).toBe('northvale-ft');
    });

    it('defaults at to today and knownAt to now', async () => {
      const res = await api.http.get('/organisations/northvale-ft/structure').expect(200);

      expect(res.body.at).toBe(new Date().toISOString().slice(0, 10));
      expect(res.body.asOfPosition).toBe(await api.eventCount());
    });

    it.each([
      ['at', { at: '2019-02-30' }],
      ['at', { at: 'yesterday' }],
      ['knownAt', { knownAt: '2019-01-01' }],
      ['knownAt', { knownAt: '2019-01-01T10:00:00' }],
    ])('answers 400 naming %s for %p', async (field, query) => {
      expectFieldError(await api.http.get('/organisations/northvale-ft/structure').query(query), field);
    });

    it('answers 404 OrganisationNotFound for an unknown id or code', async () => {
      expectProblem(await api.http.get('/organisations/ZZ9/structure'), 404, 'OrganisationNotFound');
    });

    it('answers 404 OrganisationNotOpen before the organisation was established', async () => {
      const res = await api.http.get('/organisations/northvale-ft/structure').query({ at: '2012-03-31' });

      expectProblem(res, 404, 'OrganisationNotOpen');
      expect(res.body.detail).toContain('2012-04-01');
    });
  });

  describe('GET /organisations/:id/changes', () => {
    it('lists the merger day’s changes in effective-date order', async () => {
      const res = await api.http.get('/organisations/northvale-ft/changes').query({ from: '2019-04-01', to: '2019-04-01' }).expect(200);
      const types = (res.body.entries as { type: string; effectiveFrom: string }[]).map((e) => e.type);

      expect(res.body).toMatchObject({ organisationId: 'northvale-ft', from: '2019-04-01', to: '2019-04-01' });
      expect(types).toEqual(expect.arrayContaining(['UnitEstablished', 'UnitsMerged', 'UnitMoved', 'PostAbolished', 'PostCreated', 'AppointmentStarted']));
      expect((res.body.entries as { effectiveFrom: string }[]).every((e) => e.effectiveFrom === '2019-04-01')).toBe(true);
    });

    it('lists the acting-up under its corrected date, marked with the correction', async () => {
      const res = await api.http.get('/organisations/northvale-ft/changes').query({ from: '2017-09-01', to: '2017-09-30' }).expect(200);

      expect(res.body.entries).toEqual([
        expect.objectContaining({
          type: 'AppointmentStarted',
          subjectId: 'cd-med',
          effectiveFrom: '2017-09-01',
          originalEffectiveFrom: '2017-10-01',
          retracted: null,
          corrections: [expect.objectContaining({ correctedFields: ['effectiveFrom'], reason: expect.stringContaining('HR confirmed') })],
        }),
      ]);
    });

    it('answers 400 naming to when to is before from, and naming from when it is not a date', async () => {
      expectFieldError(await api.http.get('/organisations/northvale-ft/changes').query({ from: '2020-01-01', to: '2019-01-01' }), 'to');
      expectFieldError(await api.http.get('/organisations/northvale-ft/changes').query({ from: '2020-13-01' }), 'from');
    });

    it('answers 404 OrganisationNotFound for an unknown organisation', async () => {
      expectProblem(await api.http.get('/organisations/nowhere/changes'), 404, 'OrganisationNotFound');
    });
  });

  describe('GET /organisations/:id/diff', () => {
    it('2018-01-01 → 2020-01-01: Medicine and Surgery removed, the merged division added, directorates moved, posts replaced', async () => {
      const res = await api.http.get('/organisations/northvale-ft/diff').query({ from: '2018-01-01', to: '2020-01-01' }).expect(200);
      const { units, posts, holders } = res.body;

      expect(unitIdsOf(units.removed)).toEqual(['div-medicine', 'div-surgery']);
      expect(unitIdsOf(units.added)).toEqual(['div-medicine-surgery']);
      expect(unitIdsOf(units.moved)).toEqual(['dir-emergency', 'dir-general-surgery', 'dir-specialist-medicine', 'dir-trauma']);
      expect(postIdsOf(posts.created)).toEqual(['amd-medsurg', 'bm-medsurg', 'cd-medsurg', 'nm-medsurg']);
      expect(postIdsOf(posts.abolished)).toHaveLength(8);
      expect(holders.appointed).toContainEqual(expect.objectContaining({ postId: 'cd-medsurg', personId: 'p-cd-med' }));
      expect(holders.left).toContainEqual(expect.objectContaining({ postId: 'cd-med', personId: 'p-cons-cardio', kind: 'acting' }));
    });

    it('answers 400 naming from when it is missing, and naming toKnownAt when it is not a timestamp', async () => {
      expectFieldError(await api.http.get('/organisations/northvale-ft/diff').query({ to: '2020-01-01' }), 'from');
      expectFieldError(await api.http.get('/organisations/northvale-ft/diff').query({ from: '2018-01-01', toKnownAt: 'now' }), 'toKnownAt');
    });

    it('answers 404 OrganisationNotFound for an unknown organisation, and OrganisationNotOpen when open on neither date', async () => {
      expectProblem(await api.http.get('/organisations/nowhere/diff').query({ from: '2018-01-01' }), 404, 'OrganisationNotFound');
      expectProblem(await api.http.get('/organisations/northvale-ft/diff').query({ from: '2000-01-01', to: '2001-01-01' }), 404, 'OrganisationNotOpen');
    });
  });
});
