import { type ApiHarness, startApi } from './support/api-harness';
import { expectAccepted, given, givenTrustWithPost, send } from './support/fixtures';

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
