import { type ApiHarness, startApi } from './support/api-harness';
import { establishUnit, expectNothingAppended, expectProblem, given, givenTrustWithPost, registerPerson, send } from './support/fixtures';

/** A command that breaks a business rule is refused with 422 naming the rule, and nothing is appended. */
describe('given a trust with a division, a directorate under it and a post held substantively', () => {
  let api: ApiHarness;
  let appointmentEventId: string;

  beforeEach(async () => {
    api = await startApi();
    await givenTrustWithPost(api);
    await establishUnit(api, 'trust', 'dir-x', { parentUnitId: 'div-a', kind: 'directorate' });
    await registerPerson(api, 'p-2');
    const appointed = await given(api, '/posts/cd-a/appointments', { appointmentId: 'appt-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2016-01-01' });
    appointmentEventId = appointed.events[0].eventId;
  });
  afterEach(async () => {
    await api.close();
  });

  const expectRule = async (path: string, body: unknown, code: string) => {
    const res = await expectNothingAppended(api, () => send(api, path, body));
    expectProblem(res, 422, code);
    expect(res.body.title).toBe('Business rule broken');
    return res;
  };

  it('UnitTreeCycle: a unit cannot move under its own child', async () => {
    const res = await expectRule('/organisations/trust/units/div-a/move', { toParentUnitId: 'dir-x', effectiveFrom: '2018-01-01' }, 'UnitTreeCycle');
    expect(res.body.details).toMatchObject({ unitId: 'div-a' });
  });

  it('PostAlreadyHasSubstantiveHolder: a single-holder post takes no second substantive holder', async () => {
    await expectRule('/posts/cd-a/appointments', { personId: 'p-2', kind: 'substantive', effectiveFrom: '2018-01-01' }, 'PostAlreadyHasSubstantiveHolder');
  });

  it('OrganisationNotOpen: no change to an organisation after it closes', async () => {
    await given(api, '/organisations/trust/close', { effectiveFrom: '2020-04-01' });

    await expectRule('/organisations/trust/rename', { name: 'Too late', effectiveFrom: '2021-01-01' }, 'OrganisationNotOpen');
  });

  it('AppointmentEndsBeforeStart: endsOn before effectiveFrom', async () => {
    await given(api, '/posts/cd-a/appointments/appt-1/end', { endReason: 'resigned', effectiveFrom: '2017-01-01' });

    await expectRule('/posts/cd-a/appointments', { personId: 'p-2', kind: 'substantive', effectiveFrom: '2018-06-01', endsOn: '2018-05-31' }, 'AppointmentEndsBeforeStart');
  });

  it('AppointmentEndsBeforeStart: an appointment ended before it started', async () => {
    await expectRule('/posts/cd-a/appointments/appt-1/end', { endReason: 'resigned', effectiveFrom: '2015-12-31' }, 'AppointmentEndsBeforeStart');
  });

  it('UnitNotOpen: no appointment to a post in a unit dissolved before its date', async () => {
    await establishUnit(api, 'trust', 'div-closing');
    await given(api, '/posts', { postId: 'bm-closing', organisationId: 'trust', unitId: 'div-closing', title: 'Business Manager', family: 'management', grade: 'AfC 8b', maxHolders: 1, effectiveFrom: '2015-04-01' });
    await given(api, '/organisations/trust/units/div-closing/dissolve', { effectiveFrom: '2019-04-01' });

    const res = await expectRule('/posts/bm-closing/appointments', { personId: 'p-2', kind: 'substantive', effectiveFrom: '2020-01-01' }, 'UnitNotOpen');
    expect(res.body.details).toMatchObject({ unitId: 'div-closing' });
  });

  it('PersonNotFound: only registered people are appointed', async () => {
    await given(api, '/posts/cd-a/appointments/appt-1/end', { endReason: 'resigned', effectiveFrom: '2017-01-01' });

    await expectRule('/posts/cd-a/appointments', { personId: 'p-nobody', kind: 'substantive', effectiveFrom: '2018-01-01' }, 'PersonNotFound');
  });

  it('CorrectionChangesIdentity: a correction cannot change who was appointed', async () => {
    const res = await expectRule(`/events/${appointmentEventId}/correction`, { correctedData: { personId: 'p-2' }, reason: 'wrong person' }, 'CorrectionChangesIdentity');
    expect(res.body.details).toEqual({ fields: ['personId'] });
  });
});
