import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, establishUnit, expectFieldError, given, type LoggedEvent } from './support/fixtures';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('GET /events', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('shows both times of an appended event: effectiveFrom as sent and recordedAt when it was stored', async () => {
    const startedAt = Date.now();
    const { events } = await given(api, '/organisations', { organisationId: 'trust', name: 'Trust', kind: 'nhs-trust', effectiveFrom: '2012-04-01' });
    const finishedAt = Date.now();

    const res = await api.http.get('/events').expect(200);

    const logged = (res.body.events as LoggedEvent[]).find((e) => e.eventId === events[0].eventId);
    expect(logged).toMatchObject({ type: 'OrganisationEstablished', effectiveFrom: '2012-04-01', streamId: 'organisation-trust', streamVersion: 0 });
    expect(logged!.recordedAt).toMatch(ISO_INSTANT);
    expect(Date.parse(logged!.recordedAt)).toBeGreaterThanOrEqual(startedAt);
    expect(Date.parse(logged!.recordedAt)).toBeLessThanOrEqual(finishedAt);
  });

  it('gives effectiveFrom null for an event without one (a correction)', async () => {
    const { events } = await establishOrganisation(api, 'trust', '2012-04-01');
    const corrected = await given(api, `/events/${events[0].eventId}/correction`, { correctedData: { effectiveFrom: '2012-03-01' }, reason: 'earlier' });

    const res = await api.http.get('/events').query({ after: corrected.events[0].globalPosition - 1 }).expect(200);

    expect(res.body.events[0]).toMatchObject({ type: 'EventCorrected', effectiveFrom: null });
  });

  describe('given five events', () => {
    beforeEach(async () => {
      await establishOrganisation(api, 'trust');
      for (const unitId of ['u1', 'u2', 'u3', 'u4']) await establishUnit(api, 'trust', unitId);
    });

    it('pages with after and limit, in global order, with the position to read after next', async () => {
      const first = await api.http.get('/events').query({ limit: 2 }).expect(200);
      expect(first.body).toMatchObject({ after: 0, next: 2 });
      expect(first.body.events.map((e: LoggedEvent) => e.globalPosition)).toEqual([1, 2]);

      const second = await api.http.get('/events').query({ after: first.body.next, limit: 2 }).expect(200);
      expect(second.body.events.map((e: LoggedEvent) => e.globalPosition)).toEqual([3, 4]);

      const third = await api.http.get('/events').query({ after: second.body.next, limit: 2 }).expect(200);
      expect(third.body.events.map((e: LoggedEvent) => e.globalPosition)).toEqual([5]);

      const end = await api.http.get('/events').query({ after: third.body.next }).expect(200);
      expect(end.body).toEqual({ after: 5, events: [], next: 5 });
    });

    it('returns everything by default, matching the store', async () => {
      const res = await api.http.get('/events').expect(200);

      expect(res.body.events.map((e: LoggedEvent) => e.eventId)).toEqual((await api.allEvents()).map((e) => e.eventId));
    });
  });

  it.each([
    ['limit', '0'],
    ['limit', '5000'],
    ['limit', 'x'],
    ['after', '-1'],
    ['after', '1.5'],
  ])('refuses %s=%s with 400 naming the field', async (field, value) => {
    const res = await api.http.get('/events').query({ [field]: value });

    expectFieldError(res, field);
  });

  it('refuses an unknown query parameter, naming it', async () => {
    const res = await api.http.get('/events').query({ from: '1' });

    expectFieldError(res, 'from');
  });
});
