import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, expectAccepted, expectNothingAppended, expectProblem, send } from './support/fixtures';

/** If-Match carries the stream version a writer last saw (the ETag of its last answer). */
describe('given an organisation whose stream is at version 1', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApi();
    await establishOrganisation(api, 'trust');
    await send(api, '/organisations/trust/rename', { name: 'Trust, renamed', effectiveFrom: '2016-01-01' }).expect(201).expect('ETag', 'W/"1"');
  });
  afterEach(async () => {
    await api.close();
  });

  it('accepts a command with the current version as If-Match (201, next ETag)', async () => {
    const res = await send(api, '/organisations/trust/rename', { name: 'Trust, renamed again', effectiveFrom: '2017-01-01' }, { 'If-Match': 'W/"1"' });

    await expectAccepted(api, res, 'organisation-trust', ['OrganisationRenamed']);
    expect(res.headers.etag).toBe('W/"2"');
  });

  it('accepts the version written without the weak prefix or quotes', async () => {
    const res = await send(api, '/organisations/trust/units', { unitId: 'div-a', name: 'Division A', kind: 'division', effectiveFrom: '2016-01-01' }, { 'If-Match': '1' });

    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('W/"2"');
  });

  it('refuses a stale If-Match with 409 StreamVersionConflict and appends nothing', async () => {
    const res = await expectNothingAppended(api, () =>
      send(api, '/organisations/trust/rename', { name: 'Lost update', effectiveFrom: '2017-01-01' }, { 'If-Match': 'W/"0"' }),
    );

    expectProblem(res, 409, 'StreamVersionConflict');
    expect(res.body.details).toEqual({ streamId: 'organisation-trust', expected: 0, actual: 1 });
  });

  it('refuses an If-Match ahead of the stream', async () => {
    const res = await expectNothingAppended(api, () => send(api, '/organisations/trust/close', { effectiveFrom: '2020-01-01' }, { 'If-Match': 'W/"7"' }));

    expectProblem(res, 409, 'StreamVersionConflict');
  });
});
