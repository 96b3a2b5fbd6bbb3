import { LeadershipProjector } from '@orgchange/projections';
import { DemoDataLoader } from '../apps/api/src/demo/demo-data.loader';
import { type ApiHarness, startApi, startApiWithDemo } from './support/api-harness';
import { establishUnit, given, givenTrustWithPost, registerPerson } from './support/fixtures';

/** Resolves once `check` holds, polling; fails after `timeoutMs` (a wait for a checkpoint, not a fixed sleep). */
async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The recorded time of the last event, once the clock has moved past it (so later events are recorded after it). */
async function lastRecordedAt(api: ApiHarness): Promise<string> {
  const events = await api.allEvents();
  const instant = events[events.length - 1].recordedAt;
  await eventually(() => new Date().toISOString() > instant);
  return instant;
}

/**
 * Given trust with div-a (post cd-a) and div-b and person p-1 holding cd-a, all recorded by T; after T: div-a
 * renamed (2016-01-01), cd-a retitled (2017-01-01), div-a and div-b merged into div-ab (2019-04-01), p-2
 * registered; after T2 the rename is retracted.
 */
describe('knownAt: a read as known at T ignores every event recorded after T', () => {
  let api: ApiHarness;
  let T: string;
  let T2: string;
  let renameEventId: string;

  beforeAll(async () => {
    api = await startApi();
    await givenTrustWithPost(api);
    await establishUnit(api, 'trust', 'div-b');
    await given(api, '/posts/cd-a/appointments', { appointmentId: 'ap-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2015-04-01' });
    T = await lastRecordedAt(api);
    renameEventId = (await given(api, '/organisations/trust/units/div-a/rename', { name: 'Acute Medicine', effectiveFrom: '2016-01-01' })).events[0].eventId;
    await given(api, '/posts/cd-a/retitle', { title: 'Clinical Lead', effectiveFrom: '2017-01-01' });
    await given(api, '/organisations/trust/unit-merges', { unitIds: ['div-a', 'div-b'], newSuccessor: { unitId: 'div-ab', name: 'Division AB', kind: 'division' }, effectiveFrom: '2019-04-01' });
    await registerPerson(api, 'p-2');
    T2 = await lastRecordedAt(api);
    await given(api, `/events/${renameEventId}/retraction`, { reason: 'the rename was never approved' });
  });
  afterAll(async () => {
    await api.close();
  });

  const unitNames = (body: { units: { unitId: string; name: string }[] }) => Object.fromEntries(body.units.map((u) => [u.unitId, u.name]));

  it('structure: the merger and the rename are invisible as known at T, visible as known at T2', async () => {
    const atT = await api.http.get('/organisations/trust/structure').query({ at: '2020-01-01', knownAt: T }).expect(200);
    const atT2 = await api.http.get('/organisations/trust/structure').query({ at: '2018-01-01', knownAt: T2 }).expect(200);

    expect(unitNames(atT.body)).toEqual({ 'div-a': 'Unit div-a', 'div-b': 'Unit div-b' });
    expect(atT.body.knownAt).toBe(new Date(T).toISOString());
    expect(unitNames(atT2.body)).toEqual({ 'div-a': 'Acute Medicine', 'div-b': 'Unit div-b' });
  });

  it('structure: knownAt with a zone offset is the same instant', async () => {
    const utc = new Date(T);
    const local = new Date(utc.getTime() + 60 * 60 * 1000).toISOString().replace('Z', '+01:00');
    const res = await api.http.get('/organisations/trust/structure').query({ at: '2020-01-01', knownAt: local }).expect(200);

    expect(res.body.knownAt).toBe(T);
    expect(Object.keys(unitNames(res.body))).toEqual(['div-a', 'div-b']);
  });

  it('structure: before anything was recorded the organisation is unknown', async () => {
    const res = await api.http.get('/organisations/trust/structure').query({ knownAt: '2000-01-01T00:00:00Z' });

    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'OrganisationNotFound' });
  });

  it('changes: the rename is absent as known at T, present at T2, and marked retracted now', async () => {
    const renames = async (knownAt?: string) =>
      ((await api.http.get('/organisations/trust/changes').query({ from: '2016-01-01', to: '2016-01-01', ...(knownAt ? { knownAt } : {}) }).expect(200)).body.entries as { type: string; retracted: unknown }[]);

    expect(await renames(T)).toEqual([]);
    expect(await renames(T2)).toEqual([expect.objectContaining({ type: 'UnitRenamed', retracted: null })]);
    expect(await renames()).toEqual([expect.objectContaining({ type: 'UnitRenamed', retracted: expect.objectContaining({ reason: 'the rename was never approved' }) })]);
  });

  it('post timeline: the retitle is invisible as known at T', async () => {
    const titles = async (knownAt?: string) =>
      ((await api.http.get('/posts/cd-a/timeline').query(knownAt ? { knownAt } : {}).expect(200)).body.versions as { title: string }[]).map((v) => v.title);

    expect(await titles(T)).toEqual(['Post cd-a']);
    expect(await titles()).toEqual(['Post cd-a', 'Clinical Lead']);
  });

  it('lineage and career: successors and people recorded after T are unknown at T', async () => {
    expect((await api.http.get('/units/div-a/lineage').query({ knownAt: T }).expect(200)).body.successors).toEqual([]);
    expect((await api.http.get('/units/div-a/lineage').expect(200)).body.successors).toEqual([expect.objectContaining({ toUnitId: 'div-ab', relation: 'merged' })]);
    expect((await api.http.get('/people/p-2/career').query({ knownAt: T })).status).toBe(404);
    expect((await api.http.get('/people/p-2/career').expect(200)).body.holdings).toEqual([]);
  });

  it('diff: one date as known at T and now shows what was recorded in between', async () => {
    const res = await api.http.get('/organisations/trust/diff').query({ from: '2020-01-01', to: '2020-01-01', fromKnownAt: T }).expect(200);

    expect(res.body.from).toMatchObject({ at: '2020-01-01', knownAt: T, open: true });
    expect(res.body.units.removed.map((u: { unitId: string }) => u.unitId).sort()).toEqual(['div-a', 'div-b']);
    expect(res.body.units.added.map((u: { unitId: string }) => u.unitId)).toEqual(['div-ab']);
  });
});

describe('the projector in the API', () => {
  let api: ApiHarness;
  const bootOrder: string[] = [];

  beforeAll(async () => {
    const loadDemo = DemoDataLoader.prototype.onApplicationBootstrap;
    const start = LeadershipProjector.prototype.start;
    jest.spyOn(DemoDataLoader.prototype, 'onApplicationBootstrap').mockImplementation(async function (this: DemoDataLoader) {
      await loadDemo.call(this);
      bootOrder.push('demo loaded');
    });
    jest.spyOn(LeadershipProjector.prototype, 'start').mockImplementation(function (this: LeadershipProjector) {
      bootOrder.push('projector started');
      return start.call(this);
    });
    api = await startApiWithDemo();
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await api.close();
  });

  it('starts after the demo history is loaded, so the read model is caught up before any read', async () => {
    expect(bootOrder).toEqual(['demo loaded', 'projector started']);
    expect(api.app.get(LeadershipProjector).checkpoint()).toBe(BigInt(await api.eventCount()));
  });

  it('follows the log live: a write is projected without a read asking for it', async () => {
    const projector = api.app.get(LeadershipProjector);
    const { events } = await given(api, '/organisations/northvale-ft/units', { unitId: 'unit-live', name: 'Live Unit', kind: 'team', effectiveFrom: '2024-01-01' });

    await eventually(() => projector.checkpoint() >= BigInt(events[0].globalPosition));
  });

  it('answers a read straight after a write with the write included', async () => {
    await given(api, '/organisations/northvale-ft/units/unit-live/rename', { name: 'Live Unit, renamed', effectiveFrom: '2024-02-01' });

    const res = await api.http.get('/units/unit-live/lineage').expect(200);

    expect(res.body.renames).toEqual([{ organisationId: 'northvale-ft', effectiveFrom: '2024-02-01', fromName: 'Live Unit', toName: 'Live Unit, renamed' }]);
  });

  it('documents every read route in OpenAPI with its 200 and 404 answers', async () => {
    const paths = (await api.http.get('/docs-json').expect(200)).body.paths as Record<string, { get?: { responses: Record<string, unknown> } }>;

    for (const path of [
      '/organisations/{organisationId}/structure',
      '/organisations/{organisationId}/changes',
      '/organisations/{organisationId}/diff',
      '/posts/{postId}/timeline',
      '/people/{personId}/career',
      '/units/{unitId}/lineage',
    ]) {
      expect({ path, responses: Object.keys(paths[path]?.get?.responses ?? {}) }).toEqual({ path, responses: expect.arrayContaining(['200', '400', '404']) });
    }
  });
});
