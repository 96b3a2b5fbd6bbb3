import { type ApiHarness, startApi, type TempDatabase, tempDatabase } from './support/api-harness';
import { establishOrganisation, establishUnit, expectAccepted, expectNothingAppended, expectProblem, send } from './support/fixtures';

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

/**
 * Two API instances on one database, each with its command handlers' own state cache: what one writes, the
 * other's next command on the stream sees, so no write is lost and no rule is judged on an old state.
 */
describe('two API instances writing the same stream', () => {
  let first: ApiHarness;
  let second: ApiHarness;
  let database: TempDatabase;

  beforeEach(async () => {
    database = tempDatabase();
    first = await startApi({ database });
    second = await startApi({ database });
    await establishOrganisation(first, 'trust', '2012-04-01');
    await establishUnit(first, 'trust', 'div-a', { effectiveFrom: '2015-04-01' });
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    database.remove();
  });

  it('given the second dissolved a unit the first still holds open in its cache, then the first refuses to rename it', async () => {
    await send(second, '/organisations/trust/units/div-a/dissolve', { effectiveFrom: '2020-03-31' }).expect(201);

    const res = await expectNothingAppended(first, () => send(first, '/organisations/trust/units/div-a/rename', { name: 'Division A, renamed', effectiveFrom: '2021-01-01' }));

    expect(res.status).toBe(422);
  });

  it('given each instance writes in turn, then every write lands, each after the one before', async () => {
    await send(second, '/organisations/trust/rename', { name: 'Trust, second name', effectiveFrom: '2016-01-01' }).expect(201).expect('ETag', 'W/"2"');
    await send(first, '/organisations/trust/rename', { name: 'Trust, third name', effectiveFrom: '2017-01-01' }).expect(201).expect('ETag', 'W/"3"');
    await send(second, '/organisations/trust/rename', { name: 'Trust, fourth name', effectiveFrom: '2018-01-01' }).expect(201).expect('ETag', 'W/"4"');

    const names = (await first.allEvents()).filter((e) => e.type === 'OrganisationRenamed').map((e) => (e.data as { name: string }).name);
    expect(names).toEqual(['Trust, second name', 'Trust, third name', 'Trust, fourth name']);
  });
});
