import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, expectNothingAppended, expectProblem, send } from './support/fixtures';

const KEY = { 'Idempotency-Key': 'rename-trust-2016' };
const rename = { name: 'Trust, renamed', effectiveFrom: '2016-01-01' };

/** A POST with an Idempotency-Key runs once; repeats get the first answer, another body under the key is refused. */
describe('Idempotency-Key, given an organisation', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApi();
    await establishOrganisation(api, 'trust');
  });
  afterEach(async () => {
    await api.close();
  });

  it('replays the first answer for the same key and body, appending once', async () => {
    const before = await api.eventCount();

    const first = await send(api, '/organisations/trust/rename', rename, KEY);
    const second = await send(api, '/organisations/trust/rename', rename, KEY);

    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(first.body.events.map((e: { eventId: string }) => e.eventId));
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(await api.eventCount()).toBe(before + 1);
  });

  it('refuses the same key with another body (422 IdempotencyKeyReused) and appends nothing', async () => {
    await send(api, '/organisations/trust/rename', rename, KEY).expect(201);

    const res = await expectNothingAppended(api, () => send(api, '/organisations/trust/rename', { ...rename, name: 'Something else' }, KEY));

    expectProblem(res, 422, 'IdempotencyKeyReused');
  });

  it('refuses the same key on another route', async () => {
    await send(api, '/organisations/trust/rename', rename, KEY).expect(201);

    const res = await expectNothingAppended(api, () => send(api, '/organisations/trust/close', { effectiveFrom: '2016-01-01' }, KEY));

    expectProblem(res, 422, 'IdempotencyKeyReused');
  });

  it('appends once when two requests with one key arrive together', async () => {
    const before = await api.eventCount();

    const [a, b] = await Promise.all([send(api, '/organisations/trust/rename', rename, KEY), send(api, '/organisations/trust/rename', rename, KEY)]);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    expect(await api.eventCount()).toBe(before + 1);
  });

  it('runs requests without a key each time', async () => {
    const before = await api.eventCount();

    await send(api, '/organisations/trust/rename', rename).expect(201);
    await send(api, '/organisations/trust/rename', { ...rename, effectiveFrom: '2017-01-01' }).expect(201);

    expect(await api.eventCount()).toBe(before + 2);
  });
});
