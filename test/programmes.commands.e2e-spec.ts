import { type ApiHarness, startApi } from './support/api-harness';
import { createPost, establishOrganisation, establishUnit, expectAccepted, expectFieldError, expectNothingAppended, expectProblem, given, send } from './support/fixtures';
import { abolishPost, draftProgramme, fakeClock, renameUnit } from './support/programme-fixtures';

const changes = [renameUnit('rename-a', 'trust', 'div-a', 'Division of Acute Medicine', '2026-09-01'), abolishPost('abolish-cd', 'cd-a', '2026-09-01')];

/** The programme commands through the API: each dated today by the server's clock (2026-05-01 here). */
describe('programme commands', () => {
  let api: ApiHarness;
  const clock = fakeClock('2026-05-01');

  beforeEach(async () => {
    clock.setToday('2026-05-01');
    api = await startApi({ clock });
    await establishOrganisation(api, 'trust');
    await establishUnit(api, 'trust', 'div-a');
    await createPost(api, 'cd-a', 'trust', 'div-a');
  });
  afterEach(async () => {
    await api.close();
  });

  describe('given no programme', () => {
    it('POST /programmes drafts one in its own stream, dated by the clock', async () => {
      const res = await send(api, '/programmes', { programmeId: 'p1', title: 'Acute medicine review', organisationIds: ['trust'], changes, reviewAfterMonths: 3 });

      const [logged] = await expectAccepted(api, res, 'programme-p1', ['ProgrammeDrafted']);
      expect(logged.data).toMatchObject({ programmeId: 'p1', draftedOn: '2026-05-01', reviewAfterMonths: 3, changes });
    });

    it('refuses a planned command of an unknown type with 400 naming the field, appending nothing', async () => {
      const res = await expectNothingAppended(api, () =>
        send(api, '/programmes', { programmeId: 'p1', title: 'T', organisationIds: ['trust'], changes: [{ changeId: 'c', command: { type: 'DropTable', data: { effectiveFrom: '2026-09-01' } } }] }),
      );

      expectFieldError(res, 'changes.0.command.type');
    });

    it('refuses a planned command whose effectiveFrom is not a real date with 400 naming the field', async () => {
      const res = await expectNothingAppended(api, () => send(api, '/programmes', { programmeId: 'p1', title: 'T', organisationIds: ['trust'], changes: [abolishPost('c', 'cd-a', '2026-02-30')] }));

      expectFieldError(res, 'changes.0.command.data');
      expect(res.body.detail).toMatch(/effectiveFrom/);
    });

    it('refuses a planned command without the id of its stream with 400', async () => {
      const res = await expectNothingAppended(api, () =>
        send(api, '/programmes', { programmeId: 'p1', title: 'T', organisationIds: ['trust'], changes: [{ changeId: 'c', command: { type: 'RenameUnit', data: { unitId: 'div-a', name: 'X', effectiveFrom: '2026-09-01' } } }] }),
      );

      expectFieldError(res, 'changes.0.command.data');
      expect(res.body.detail).toMatch(/organisationId/);
    });

    it('refuses a `today` in the body: the day is the server’s', async () => {
      const res = await expectNothingAppended(api, () => send(api, '/programmes', { programmeId: 'p1', title: 'T', organisationIds: ['trust'], changes, today: '2020-01-01' }));

      expectFieldError(res, 'today');
    });

    it.each([
      ['no changes', 'ProgrammeHasNoChanges', []],
      ['two changes with one id', 'DuplicateIds', [abolishPost('c', 'cd-a', '2026-09-01'), abolishPost('c', 'cd-a', '2026-10-01')]],
    ])('refuses a programme with %s (422 %s), appending nothing', async (_, code, planned) => {
      const res = await expectNothingAppended(api, () => send(api, '/programmes', { programmeId: 'p1', title: 'T', organisationIds: ['trust'], changes: planned }));

      expectProblem(res, 422, code);
    });

    it('GET /programmes/:id answers 404 ProgrammeNotFound', async () => {
      expectProblem(await api.http.get('/programmes/nope'), 404, 'ProgrammeNotFound');
    });

    it('refuses to publish a programme that does not exist (422 ProgrammeNotFound)', async () => {
      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/nope/proposal', {})), 422, 'ProgrammeNotFound');
    });
  });

  describe('given a drafted programme', () => {
    beforeEach(() => draftProgramme(api, 'p1', changes));

    it('POST /programmes/:id/proposal publishes it', async () => {
      const [logged] = await expectAccepted(api, await send(api, '/programmes/p1/proposal', {}), 'programme-p1', ['ProposalPublished']);
      expect(logged.data).toEqual({ programmeId: 'p1', publishedOn: '2026-05-01' });
    });

    it('refuses a stale If-Match with 409, appending nothing', async () => {
      const res = await expectNothingAppended(api, () => send(api, '/programmes/p1/proposal', {}, { 'If-Match': 'W/"3"' }));

      expectProblem(res, 409, 'StreamVersionConflict');
    });

    it('POST /programmes/:id/waiver waives consultation with a reason', async () => {
      const [logged] = await expectAccepted(api, await send(api, '/programmes/p1/waiver', { reason: 'urgent: patient safety' }), 'programme-p1', ['ConsultationWaived']);
      expect(logged.data).toMatchObject({ reason: 'urgent: patient safety', waivedOn: '2026-05-01' });
    });

    it('refuses a waiver without a reason (422 WaiverNeedsReason)', async () => {
      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/waiver', { reason: '  ' })), 422, 'WaiverNeedsReason');
    });

    it('refuses a decision before consultation (422 InvalidProgrammeTransition)', async () => {
      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/decision', { decision: 'approved' })), 422, 'InvalidProgrammeTransition');
    });

    it('refuses closing it (422 InvalidProgrammeTransition)', async () => {
      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/closure', {})), 422, 'InvalidProgrammeTransition');
    });

    it('POST /programmes/:id/withdrawal withdraws it; later commands are refused (422 ProgrammeWithdrawn)', async () => {
      await expectAccepted(api, await send(api, '/programmes/p1/withdrawal', { reason: 'superseded' }), 'programme-p1', ['ProgrammeWithdrawn']);

      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/proposal', {})), 422, 'ProgrammeWithdrawn');
    });
  });

  describe('given a published proposal', () => {
    beforeEach(async () => {
      await draftProgramme(api, 'p1', changes);
      await given(api, '/programmes/p1/proposal', {});
    });

    it('POST /programmes/:id/consultation opens a 45-day consultation from opensOn', async () => {
      const [logged] = await expectAccepted(api, await send(api, '/programmes/p1/consultation', { days: 45, opensOn: '2026-05-04' }), 'programme-p1', ['ConsultationOpened']);
      expect(logged.data).toEqual({ programmeId: 'p1', opensOn: '2026-05-04', days: 45, lastDayOn: '2026-06-17' });
    });

    it('refuses a consultation of no days (422 InvalidConsultationPeriod) and one of "many" days (400 days)', async () => {
      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/consultation', { days: 0 })), 422, 'InvalidConsultationPeriod');
      expectFieldError(await expectNothingAppended(api, () => send(api, '/programmes/p1/consultation', { days: 'many' })), 'days');
    });
  });

  describe('given an open consultation', () => {
    beforeEach(async () => {
      await draftProgramme(api, 'p1', changes);
      await given(api, '/programmes/p1/proposal', {});
      await given(api, '/programmes/p1/consultation', { days: 30 });
    });

    it('POST /programmes/:id/responses records a response received today', async () => {
      const [logged] = await expectAccepted(api, await send(api, '/programmes/p1/responses', { responseId: 'r1', respondent: 'Staff side (UNISON)', summary: 'Keep the ward manager posts' }), 'programme-p1', ['ConsultationResponseRecorded']);
      expect(logged.data).toMatchObject({ responseId: 'r1', receivedOn: '2026-05-01' });
    });

    it('records a response once under one Idempotency-Key', async () => {
      const body = { respondent: 'Staff side', summary: 'Agree' };
      const first = await send(api, '/programmes/p1/responses', body, { 'Idempotency-Key': 'resp-1' });
      const again = await expectNothingAppended(api, () => send(api, '/programmes/p1/responses', body, { 'Idempotency-Key': 'resp-1' }));

      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });

    it('refuses a decision while it is open (422 ConsultationStillOpen)', async () => {
      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/decision', { decision: 'approved' })), 422, 'ConsultationStillOpen');
    });

    it('refuses a response after its last day (422 ConsultationEnded)', async () => {
      clock.setToday('2026-05-31');

      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/responses', { respondent: 'Late', summary: 'Too late' })), 422, 'ConsultationEnded');
    });

    it('GET /programmes/:id shows the state, the timers it waits on and its timeline with recorded times', async () => {
      const res = await api.http.get('/programmes/p1').expect(200);

      expect(res.body.state).toMatchObject({ status: 'consultation-open', consultation: { lastDayOn: '2026-05-30' } });
      expect(res.body.pendingTimers).toEqual([
        { kind: 'consultation-closing-soon', dueOn: '2026-05-23' },
        { kind: 'consultation-end', dueOn: '2026-05-31' },
      ]);
      expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual(['ProgrammeDrafted', 'ProposalPublished', 'ConsultationOpened']);
      for (const entry of res.body.timeline) expect(Number.isNaN(Date.parse(entry.recordedAt))).toBe(false);
    });

    it('GET /programmes lists it with its status and next timer', async () => {
      await draftProgramme(api, 'p2', changes);

      const res = await api.http.get('/programmes').expect(200);

      expect(res.body.programmes.map((p: { programmeId: string; status: string }) => [p.programmeId, p.status])).toEqual([
        ['p1', 'consultation-open'],
        ['p2', 'drafted'],
      ]);
      expect(res.body.programmes[0]).toMatchObject({ version: 2, changes: 2, nextTimer: { kind: 'consultation-closing-soon', dueOn: '2026-05-23' } });
    });
  });

  describe('given a programme decided after a waiver', () => {
    beforeEach(async () => {
      await draftProgramme(api, 'p1', changes);
      await given(api, '/programmes/p1/waiver', { reason: 'urgent' });
    });

    it('POST /programmes/:id/decision approves it: scheduled, waiting for each change', async () => {
      const [logged] = await expectAccepted(api, await send(api, '/programmes/p1/decision', { decision: 'approved' }), 'programme-p1', ['ProgrammeDecided']);

      expect(logged.data).toMatchObject({ decision: 'approved', decidedOn: '2026-05-01', changes });
      expect((await api.http.get('/programmes/p1')).body.pendingTimers.map((t: { changeId: string }) => t.changeId)).toEqual(['rename-a', 'abolish-cd']);
    });

    it('an amended decision replaces the changes', async () => {
      const amended = [renameUnit('rename-a', 'trust', 'div-a', 'Division of Medicine', '2026-10-01')];

      const [logged] = await expectAccepted(api, await send(api, '/programmes/p1/decision', { decision: 'amended', changes: amended, reason: 'staff side asked to keep the post' }), 'programme-p1', ['ProgrammeDecided']);

      expect(logged.data).toMatchObject({ decision: 'amended', changes: amended });
    });

    it('refuses an amendment without its changes (422 AmendmentNeedsChanges) and an invalid decision (400 decision)', async () => {
      expectProblem(await expectNothingAppended(api, () => send(api, '/programmes/p1/decision', { decision: 'amended' })), 422, 'AmendmentNeedsChanges');
      expectFieldError(await expectNothingAppended(api, () => send(api, '/programmes/p1/decision', { decision: 'maybe' })), 'decision');
    });
  });
});
