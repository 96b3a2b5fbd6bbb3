import { type ApiHarness, startApi, tokenFor } from './support/api-harness';
import { type CommandBody, establishOrganisation, establishUnit, expectAccepted, expectNothingAppended, given, givenTrustWithPost, send } from './support/fixtures';

/** A correction or retraction is a later event in the target's stream; the target stays in the log unchanged. */
describe('correction commands', () => {
  let api: ApiHarness;
  let appointmentEventId: string;

  beforeEach(async () => {
    api = await startApi();
    await givenTrustWithPost(api);
    const appointed = await given(api, '/posts/cd-a/appointments', { appointmentId: 'appt-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2017-10-01' });
    appointmentEventId = appointed.events[0].eventId;
  });
  afterEach(async () => {
    await api.close();
  });

  it('POST /events/:eventId/correction with a partial correctedData ({ effectiveFrom }) appends EventCorrected', async () => {
    const res = await send(api, `/events/${appointmentEventId}/correction`, { correctedData: { effectiveFrom: '2017-09-01' }, reason: 'HR confirmed an earlier start' });

    const [logged] = await expectAccepted(api, res, 'post-cd-a', ['EventCorrected']);
    expect(logged.data).toEqual({ targetEventId: appointmentEventId, targetType: 'AppointmentStarted', correctedData: { effectiveFrom: '2017-09-01' }, reason: 'HR confirmed an earlier start' });
    const original = (await api.allEvents()).find((e) => e.eventId === appointmentEventId);
    expect(original?.data).toMatchObject({ effectiveFrom: '2017-10-01' });
  });

  it('POST /events/:eventId/retraction appends EventRetracted', async () => {
    const res = await send(api, `/events/${appointmentEventId}/retraction`, { reason: 'recorded against the wrong post' });

    const [logged] = await expectAccepted(api, res, 'post-cd-a', ['EventRetracted']);
    expect(logged.data).toEqual({ targetEventId: appointmentEventId, reason: 'recorded against the wrong post' });
  });
});

/** A cross-organisation event is appended to every organisation involved: a correction of one copy corrects them all. */
describe('correcting a cross-organisation event', () => {
  let api: ApiHarness;
  let transfer: CommandBody;

  beforeEach(async () => {
    api = await startApi();
    await establishOrganisation(api, 'trust', '2012-04-01', 'nhs-foundation-trust');
    await establishOrganisation(api, 'brookfield', '2011-04-01');
    await establishUnit(api, 'brookfield', 'community-nursing', { kind: 'service', effectiveFrom: '2011-04-01' });
    await establishUnit(api, 'trust', 'div-integrated-care', { effectiveFrom: '2020-10-01' });
    transfer = await given(api, '/boundary-changes/service-transfers', { unitId: 'community-nursing', fromOrganisationId: 'brookfield', toOrganisationId: 'trust', toParentUnitId: 'div-integrated-care', effectiveFrom: '2020-10-01' });
  });
  afterEach(async () => {
    await api.close();
  });

  const unitsOf = async (organisationId: string, at: string): Promise<string[]> => {
    const res = await api.http.get(`/organisations/${organisationId}/structure`).query({ at }).expect(200);
    const ids = (units: { unitId: string; children: unknown[] }[]): string[] => units.flatMap((u) => [u.unitId, ...ids(u.children as never)]);
    return ids(res.body.units);
  };

  it('given a service transfer, when the losing organisation’s copy is corrected, then both copies are, in one append, and both structures move', async () => {
    const [losingCopy, gainingCopy] = transfer.events;

    const res = await send(api, `/events/${losingCopy.eventId}/correction`, { correctedData: { effectiveFrom: '2020-11-01' }, reason: 'the transfer was deferred a month' });

    const logged = await expectAccepted(api, res, 'organisation-brookfield', ['EventCorrected', 'EventCorrected']);
    expect(logged.map((e) => [e.streamId, (e.data as { targetEventId: string }).targetEventId])).toEqual([
      ['organisation-brookfield', losingCopy.eventId],
      ['organisation-trust', gainingCopy.eventId],
    ]);
    expect(res.body.streams.map((s: { streamId: string }) => s.streamId)).toEqual(['organisation-brookfield', 'organisation-trust']);
    expect(await unitsOf('brookfield', '2020-10-15')).toContain('community-nursing');
    expect(await unitsOf('trust', '2020-10-15')).not.toContain('community-nursing');
    expect(await unitsOf('trust', '2020-11-15')).toContain('community-nursing');
    expect(await unitsOf('brookfield', '2020-11-15')).not.toContain('community-nursing');
  });

  it('given the gaining organisation’s copy is retracted, then the losing organisation’s copy is retracted too', async () => {
    const res = await send(api, `/events/${transfer.events[1].eventId}/retraction`, { reason: 'the transfer never went ahead' });

    await expectAccepted(api, res, 'organisation-trust', ['EventRetracted', 'EventRetracted']);
    expect(await unitsOf('brookfield', '2021-06-01')).toContain('community-nursing');
    expect(await unitsOf('trust', '2021-06-01')).not.toContain('community-nursing');
  });

  it('given a programme office of only one of the organisations, then it may not correct the transfer; one of both may', async () => {
    const correct = (organisations: string[]) =>
      send(api, `/events/${transfer.events[0].eventId}/correction`, { correctedData: { effectiveFrom: '2020-11-01' }, reason: 'late' }, { Authorization: `Bearer ${tokenFor('programme-office', organisations)}` });

    const refused = await expectNothingAppended(api, () => correct(['brookfield']));
    expect(refused.status).toBe(403);
    expect((await correct(['brookfield', 'trust'])).status).toBe(201);
  });

  it('given an If-Match that is not the target stream’s version, then nothing is appended to any copy’s stream', async () => {
    const res = await expectNothingAppended(api, () =>
      send(api, `/events/${transfer.events[0].eventId}/correction`, { correctedData: { effectiveFrom: '2020-11-01' }, reason: 'late' }, { 'If-Match': 'W/"0"' }),
    );

    expect([409, 412]).toContain(res.status);
  });
});
