import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, expectFieldError, expectNothingAppended, expectProblem, send } from './support/fixtures';

const validUnit = { unitId: 'div-a', name: 'Division A', kind: 'division', effectiveFrom: '2015-04-01' };

/** Invalid input is refused before any command runs: 400 (413 for a body over the limit), nothing appended. */
describe('given an organisation, a request that is not valid input', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi();
    await establishOrganisation(api, 'trust');
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['an unknown field', { ...validUnit, colour: 'blue' }, 'colour'],
    ['a field of the wrong type', { ...validUnit, name: 42 }, 'name'],
    ['a missing field', { unitId: 'div-a', name: 'Division A', kind: 'division' }, 'effectiveFrom'],
    ['an impossible date (2023-02-30)', { ...validUnit, effectiveFrom: '2023-02-30' }, 'effectiveFrom'],
    ['a value outside the vocabulary', { ...validUnit, kind: 'galaxy' }, 'kind'],
    ['a malformed id in the body', { ...validUnit, parentUnitId: 'has spaces' }, 'parentUnitId'],
  ])('is refused with 400 naming the field: %s', async (_, body, field) => {
    const res = await expectNothingAppended(api, () => send(api, '/organisations/trust/units', body));

    expectFieldError(res, field);
    expect(res.body.detail).toContain(field);
  });

  it('names a nested field with a dotted path', async () => {
    const body = { successors: [{ unitId: 'a1', name: 'A1', kind: 'division' }, { unitId: 'a2', name: 'A2', kind: 'nebula' }], effectiveFrom: '2019-04-01' };

    const res = await expectNothingAppended(api, () => send(api, '/organisations/trust/units/div-a/split', body));

    expectFieldError(res, 'successors.1.kind');
  });

  it('refuses a wrong type in a post (maxHolders as text)', async () => {
    const body = { organisationId: 'trust', unitId: 'div-a', title: 'CD', family: 'medical-leadership', grade: 'consultant', maxHolders: 'one', effectiveFrom: '2015-04-01' };

    const res = await expectNothingAppended(api, () => send(api, '/posts', body));

    expectFieldError(res, 'maxHolders');
  });

  it('refuses a malformed id in the path, naming the path parameter', async () => {
    const res = await expectNothingAppended(api, () => send(api, '/organisations/not%20an%20id/rename', { name: 'New name', effectiveFrom: '2020-01-01' }));

    expectFieldError(res, 'organisationId');
  });

  it('refuses an If-Match header that is not a stream version', async () => {
    const res = await expectNothingAppended(api, () => send(api, '/organisations/trust/rename', { name: 'New name', effectiveFrom: '2020-01-01' }, { 'If-Match': 'W/"three"' }));

    expectProblem(res, 400, 'InvalidIfMatch');
  });

  it('refuses malformed JSON', async () => {
    const res = await expectNothingAppended(api, () =>
      api.http.post('/organisations/trust/units').set('Content-Type', 'application/json').send('{"unitId": "div-a", "name": '),
    );

    expectProblem(res, 400, 'BadRequest');
    expect(res.body.title).toBe('Invalid request');
  });

  it('refuses a body over the 100kb limit with 413', async () => {
    const res = await expectNothingAppended(api, () => send(api, '/organisations/trust/units', { ...validUnit, reason: 'x'.repeat(110 * 1024) }));

    expectProblem(res, 413, 'PayloadTooLarge');
  });
});
