import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, establishUnit, expectAccepted, given, givenTrustWithPost, send } from './support/fixtures';

describe('post, appointment and person commands', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('POST /people registers a person by opaque id and profession', async () => {
    const res = await send(api, '/people', { personId: 'p-42', profession: 'nurse', effectiveFrom: '2015-01-01' });

    const [logged] = await expectAccepted(api, res, 'person-p-42', ['PersonRegistered']);
    expect(logged.data).toEqual({ personId: 'p-42', profession: 'nurse', effectiveFrom: '2015-01-01' });
  });

  describe('given a division of an open organisation', () => {
    beforeEach(async () => {
      await establishOrganisation(api, 'trust');
      await establishUnit(api, 'trust', 'div-a');
    });

    it('POST /posts creates a post in the unit', async () => {
      const res = await send(api, '/posts', {
        postId: 'cd-a',
        organisationId: 'trust',
        unitId: 'div-a',
        title: 'Clinical Director',
        family: 'medical-leadership',
        grade: 'consultant',
        maxHolders: 1,
        programmedActivities: 2,
        effectiveFrom: '2015-04-01',
      });

      const [logged] = await expectAccepted(api, res, 'post-cd-a', ['PostCreated']);
      expect(res.headers.etag).toBe('W/"0"');
      expect(logged.data).toMatchObject({ postId: 'cd-a', unitId: 'div-a', maxHolders: 1, programmedActivities: 2 });
    });
  });

  describe('given a post and a registered person', () => {
    beforeEach(async () => {
      await givenTrustWithPost(api);
    });

    it('POST /posts/:id/retitle retitles the post', async () => {
      const res = await send(api, '/posts/cd-a/retitle', { title: 'Clinical Director for Medicine', effectiveFrom: '2016-01-01' });

      const [logged] = await expectAccepted(api, res, 'post-cd-a', ['PostRetitled']);
      expect(logged.data).toMatchObject({ title: 'Clinical Director for Medicine' });
    });

    it('POST /posts/:id/regrade regrades the post', async () => {
      const res = await send(api, '/posts/cd-a/regrade', { grade: 'AfC 8d', effectiveFrom: '2016-01-01' });

      const [logged] = await expectAccepted(api, res, 'post-cd-a', ['PostRegraded']);
      expect(logged.data).toMatchObject({ grade: 'AfC 8d' });
    });

    it('POST /posts/:id/abolish abolishes an unheld post', async () => {
      const res = await send(api, '/posts/cd-a/abolish', { effectiveFrom: '2019-04-01' });

      await expectAccepted(api, res, 'post-cd-a', ['PostAbolished']);
    });

    it('POST /posts/:id/appointments appoints the person', async () => {
      const res = await send(api, '/posts/cd-a/appointments', { appointmentId: 'appt-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2016-01-01' });

      const [logged] = await expectAccepted(api, res, 'post-cd-a', ['AppointmentStarted']);
      expect(logged.data).toMatchObject({ appointmentId: 'appt-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2016-01-01' });
    });

    it('POST /posts/:id/appointments with endsOn records the start and the end in one step', async () => {
      const res = await send(api, '/posts/cd-a/appointments', { appointmentId: 'appt-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2016-01-01', endsOn: '2017-01-01' });

      const [started, ended] = await expectAccepted(api, res, 'post-cd-a', ['AppointmentStarted', 'AppointmentEnded']);
      expect(res.headers.etag).toBe('W/"2"');
      expect(started.effectiveFrom).toBe('2016-01-01');
      expect(ended.data).toMatchObject({ appointmentId: 'appt-1', endReason: 'term-ended', effectiveFrom: '2017-01-01' });
    });

    it('POST /posts/:id/appointments/:appointmentId/end ends an appointment', async () => {
      await given(api, '/posts/cd-a/appointments', { appointmentId: 'appt-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2016-01-01' });

      const res = await send(api, '/posts/cd-a/appointments/appt-1/end', { endReason: 'retired', effectiveFrom: '2020-06-30' });

      const [logged] = await expectAccepted(api, res, 'post-cd-a', ['AppointmentEnded']);
      expect(logged.data).toMatchObject({ appointmentId: 'appt-1', personId: 'p-1', endReason: 'retired', effectiveFrom: '2020-06-30' });
    });
  });
});
