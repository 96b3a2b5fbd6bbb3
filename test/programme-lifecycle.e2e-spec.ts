import type { SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';
import { ImpactAnalyser, ImpactRecipientFinder, NotificationSagaRunner, type ProgrammeTimerRunner } from '@orgchange/workflow';
import { type ApiHarness, startApi } from './support/api-harness';
import { createPost, establishOrganisation, establishUnit, expectNothingAppended, given } from './support/fixtures';
import { abolishPost, type FakeClock, fakeClock, mergeUnits, renameUnit, scheduleProgramme, timerRunnerFor } from './support/programme-fixtures';

const merge = mergeUnits('merge', 'trust', ['div-medicine', 'div-surgery'], { unitId: 'div-med-surg', name: 'Medicine and Surgery' }, '2026-09-01');
const abolish = abolishPost('abolish-cd', 'cd-surgery', '2026-09-01');
const rename = renameUnit('rename', 'trust', 'div-med-surg', 'Division of Medicine and Surgery', '2026-10-01');

/**
 * A programme from draft to close on a fake clock, with the timer runner the worker runs: the days move on,
 * the runner fires what is due, and the record changes on the planned dates.
 */
describe('a change programme over its whole life', () => {
  let api: ApiHarness;
  let clock: FakeClock;
  let runner: ProgrammeTimerRunner;

  const runOn = async (day: string) => {
    clock.setToday(day);
    const report = await runner.runOnce();
    expect(report.errors).toEqual([]);
    return report.fired.map((f) => (f.changeId ? `${f.kind}:${f.changeId}:${f.outcome}` : f.kind));
  };
  const programmeEvents = async (id: string) => (await api.store.readStream(`programme-${id}`)).map((e) => e.type);
  const unitNames = async (at: string) => {
    const result = await api.app.get(LeadershipReader).structure('trust', at as never);
    if (!result.ok) throw new Error(result.message);
    return result.value.units.map((u) => u.name).sort();
  };

  beforeEach(async () => {
    clock = fakeClock('2026-05-01');
    api = await startApi({ clock });
    runner = timerRunnerFor(api, clock);
    await establishOrganisation(api, 'trust');
    await establishUnit(api, 'trust', 'div-medicine');
    await establishUnit(api, 'trust', 'div-surgery');
    await createPost(api, 'cd-surgery', 'trust', 'div-surgery');
  });
  afterEach(async () => {
    await api.close();
  });

  it('runs draft → proposal → 45-day consultation → closing soon → close → approval → changes on their dates → review → closed', async () => {
    await given(api, '/programmes', { programmeId: 'medsurg', title: 'Merge Medicine and Surgery', organisationIds: ['trust'], changes: [merge, abolish, rename] });
    await given(api, '/programmes/medsurg/proposal', {});
    await given(api, '/programmes/medsurg/consultation', { days: 45, opensOn: '2026-05-04' });

    expect(await runOn('2026-06-09')).toEqual([]);
    expect(await runOn('2026-06-10')).toEqual(['consultation-closing-soon']);
    clock.setToday('2026-06-12');
    await given(api, '/programmes/medsurg/responses', { respondent: 'Staff side', summary: 'Keep both ward manager posts' });
    expect(await runOn('2026-06-17')).toEqual([]);
    expect(await runOn('2026-06-18')).toEqual(['consultation-end']);
    clock.setToday('2026-06-20');
    const decided = await given(api, '/programmes/medsurg/decision', { decision: 'approved' });

    expect(await runOn('2026-08-31')).toEqual([]);
    expect(await unitNames('2026-09-01')).toEqual(['Unit div-medicine', 'Unit div-surgery']);
    expect(await runOn('2026-09-01')).toEqual(['change-effective:merge:applied', 'change-effective:abolish-cd:applied']);
    expect(await unitNames('2026-08-31')).toEqual(['Unit div-medicine', 'Unit div-surgery']);
    expect(await unitNames('2026-09-01')).toEqual(['Medicine and Surgery']);

    const organisationEvents = (await api.store.readStream('organisation-trust')).filter((e) => e.metadata.programmeId === 'medsurg');
    expect(organisationEvents.map((e) => e.type)).toEqual(['UnitEstablished', 'UnitsMerged']);
    for (const event of organisationEvents) {
      expect(event.metadata).toMatchObject({ programmeId: 'medsurg', causationId: decided.events[0].eventId, actor: 'programme-timers' });
      expect((event.data as { effectiveFrom: string }).effectiveFrom).toBe('2026-09-01');
    }
    expect((await api.store.readStream('post-cd-surgery')).at(-1)).toMatchObject({ type: 'PostAbolished', metadata: { programmeId: 'medsurg' } });

    expect(await runOn('2026-10-01')).toEqual(['change-effective:rename:applied']);
    expect(await unitNames('2026-10-01')).toEqual(['Division of Medicine and Surgery']);
    expect(await unitNames('2026-09-30')).toEqual(['Medicine and Surgery']);
    expect(await expectNothingAppended(api, () => runOn('2026-10-02'))).toEqual([]);

    expect(await runOn('2027-03-31')).toEqual([]);
    expect(await runOn('2027-04-01')).toEqual(['review-due']);
    await given(api, '/programmes/medsurg/closure', { reason: 'review done' });
    expect(await expectNothingAppended(api, () => runOn('2028-01-01'))).toEqual([]);

    expect(await programmeEvents('medsurg')).toEqual([
      'ProgrammeDrafted',
      'ProposalPublished',
      'ConsultationOpened',
      'ConsultationClosingSoon',
      'ConsultationResponseRecorded',
      'ConsultationClosed',
      'ProgrammeDecided',
      'PlannedChangeApplied',
      'PlannedChangeApplied',
      'PlannedChangeApplied',
      'ProgrammeTookEffect',
      'ReviewFellDue',
      'ProgrammeClosed',
    ]);
    const detail = (await api.http.get('/programmes/medsurg').expect(200)).body;
    expect(detail).toMatchObject({ state: { status: 'closed', reviewDueOn: '2027-04-01' }, pendingTimers: [] });

    // The worker's notification saga, caught up over the whole life: each step told the teams it affected.
    const store = api.store as SqliteEventStore;
    const saga = new NotificationSagaRunner(store, new ImpactRecipientFinder(new ImpactAnalyser(new LeadershipReader(store, new LeadershipProjector(store)))));
    await saga.catchUp();
    const told = (kind: string, changeId: string | null = null) =>
      saga.outbox
        .notificationsOfProgramme('medsurg')
        .filter((n) => n.kind === kind && n.changeId === changeId)
        .map((n) => `${n.recipient.recipientKind}:${n.recipient.recipientId}`)
        .sort();
    // Before anything took effect, the merged divisions and the abolished post are affected; the renamed division does not exist yet.
    for (const kind of ['proposal-published', 'consultation-opened', 'consultation-closing-soon', 'programme-decided']) {
      expect(told(kind)).toEqual(['post:cd-surgery', 'unit:div-medicine', 'unit:div-surgery']);
    }
    expect(told('change-effective', 'abolish-cd')).toEqual(['post:cd-surgery']);
    expect(told('change-effective', 'rename')).toEqual(['unit:div-med-surg']);
    const units = (await api.http.get('/units/div-surgery/notifications').expect(200)).body.notifications as { kind: string }[];
    expect(units.map((n) => n.kind)).toEqual(expect.arrayContaining(['proposal-published', 'programme-decided', 'change-effective']));
  });

  it('a withdrawal after scheduling cancels everything: nothing takes effect and no timer fires afterwards', async () => {
    await scheduleProgramme(api, 'medsurg', [merge, abolish]);
    clock.setToday('2026-07-01');
    await given(api, '/programmes/medsurg/withdrawal', { reason: 'the merger is off' });
    const organisationVersion = await api.store.streamVersion('organisation-trust');

    expect(await expectNothingAppended(api, () => runOn('2026-09-01'))).toEqual([]);
    expect(await expectNothingAppended(api, () => runOn('2027-06-01'))).toEqual([]);

    expect(await api.store.streamVersion('organisation-trust')).toBe(organisationVersion);
    expect(await unitNames('2026-09-01')).toEqual(['Unit div-medicine', 'Unit div-surgery']);
    expect((await api.store.readStream('programme-medsurg')).at(-1)?.data).toMatchObject({ cancelledChangeIds: ['merge', 'abolish-cd'], previousStatus: 'scheduled' });
  });

  it('records a change the record refuses on its day as failed, with the rule, and still applies the others', async () => {
    await scheduleProgramme(api, 'medsurg', [merge, renameUnit('rename-surgery', 'trust', 'div-surgery', 'Surgery', '2026-10-01')]);

    expect(await runOn('2026-10-01')).toEqual(['change-effective:merge:applied', 'change-effective:rename-surgery:failed']);

    const events = await api.store.readStream('programme-medsurg');
    expect(events.find((e) => e.type === 'PlannedChangeFailed')?.data).toMatchObject({ changeId: 'rename-surgery', code: 'UnitNotOpen' });
    expect(events.at(-1)).toMatchObject({ type: 'ProgrammeTookEffect', data: { applied: 1, failed: 1 } });
    expect((await api.store.readStream('organisation-trust')).filter((e) => e.type === 'UnitRenamed')).toEqual([]);
  });

  it('fires nothing twice when the timer index is rebuilt from the start of the log', async () => {
    await scheduleProgramme(api, 'medsurg', [merge, rename]);
    await runOn('2026-09-01');
    (api.store as SqliteEventStore).database.exec('DELETE FROM wf_checkpoints; DELETE FROM wf_programme_timers;');

    expect(await expectNothingAppended(api, () => runOn('2026-09-01'))).toEqual([]);
    expect(await runOn('2026-10-01')).toEqual(['change-effective:rename:applied']);
  });
});
