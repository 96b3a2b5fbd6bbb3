import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, recordDemoInto } from '@orgchange/demo-data';
import { type CalendarDate, eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, readAllPages, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';
import type { ImpactChange, Recipient } from './impact.types';
import { ImpactAnalyser } from './impact-analyser';

const { trust, communityTrust, council } = DEMO;
const day = (iso: string) => iso as CalendarDate;

/** One second per transaction, so every step of the demo has its own recorded instant. */
const tickingClock = (start = Date.UTC(2024, 0, 1)) => {
  let ticks = 0;
  return () => new Date(start + 1000 * ticks++);
};

const sorted = (recipients: readonly Recipient[]) =>
  recipients
    .map((r) => ({ ...r, personIds: [...r.personIds].sort(), reasons: [...r.reasons].sort(), changeIds: [...r.changeIds].sort() }))
    .sort((a, b) => `${a.recipientKind} ${a.recipientId}`.localeCompare(`${b.recipientKind} ${b.recipientId}`));

const recipient = (recipientKind: Recipient['recipientKind'], recipientId: string, organisationId: string, personIds: string[], reasons: string[], changeIds: string[]) => ({
  recipientKind,
  recipientId,
  organisationId,
  personIds: [...personIds].sort(),
  reasons: [...reasons].sort(),
  changeIds,
});

/**
 * The demo history (libs/demo-data) in a SQLite file. The expectations are read from the demo's story: each
 * division's triumvirate (clinical director, nurse manager, business manager) has no posts in the directorates
 * below it, so a clinical director has partners and no reports; the neighbourhood team's lead leads a social
 * worker employed by the council and an occupational therapist.
 */
describe('ImpactAnalyser over the demo history', () => {
  let dir: string;
  let store: SqliteEventStore;
  let analyser: ImpactAnalyser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-impact-'));
    store = new SqliteEventStore({ file: join(dir, 'demo.sqlite'), now: tickingClock(), upcast: chainUpcasters(eventUpcasters) });
    await recordDemoInto(store);
    analyser = new ImpactAnalyser(new LeadershipReader(store, new LeadershipProjector(store), () => new Date('2024-06-01T12:00:00Z')));
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const abolishMedicineClinicalDirector = (on: string): ImpactChange => ({ changeId: 'abolish-cd-med', command: { type: 'AbolishPost', data: { postId: 'cd-med', effectiveFrom: day(on) } } });

  it('abolishing Medicine’s clinical director post as the 2019 merger did tells its holder and its triumvirate partners', async () => {
    const impact = await analyser.analyse([abolishMedicineClinicalDirector('2019-04-01')]);

    expect(sorted(impact.recipients)).toEqual([
      recipient('post', 'bm-med', trust, ['p-bm-med'], ['group-partner'], ['abolish-cd-med']),
      recipient('post', 'cd-med', trust, ['p-cd-med'], ['post-abolished'], ['abolish-cd-med']),
      recipient('post', 'nm-med', trust, ['p-nm-med'], ['group-partner'], ['abolish-cd-med']),
    ]);
    expect(impact.unresolved).toEqual([]);
  });

  it('planned for 2018, while the clinical director was seconded, tells the cardiologist acting up as well', async () => {
    const impact = await analyser.analyse([abolishMedicineClinicalDirector('2018-01-01')]);

    expect([...(impact.recipients.find((r) => r.recipientId === 'cd-med')?.personIds ?? [])].sort()).toEqual(['p-cd-med', 'p-cons-cardio']);
  });

  it('as known before the backdated correction, a change on 15 September 2017 does not yet find the acting-up', async () => {
    let correctedAt = '';
    for await (const page of readAllPages(store)) correctedAt ||= page.find((e) => e.type === 'EventCorrected')?.recordedAt ?? '';
    const justBefore = new Date(Date.parse(correctedAt) - 1).toISOString();

    const before = await analyser.analyse([abolishMedicineClinicalDirector('2017-09-15')], justBefore);
    const now = await analyser.analyse([abolishMedicineClinicalDirector('2017-09-15')]);

    expect(before.recipients.find((r) => r.recipientId === 'cd-med')?.personIds).toEqual(['p-cd-med']);
    expect([...(now.recipients.find((r) => r.recipientId === 'cd-med')?.personIds ?? [])].sort()).toEqual(['p-cd-med', 'p-cons-cardio']);
  });

  it('retitling the neighbourhood team lead tells its holder and the two people it leads', async () => {
    const impact = await analyser.analyse([{ changeId: 'retitle-int-lead', command: { type: 'RetitlePost', data: { postId: 'int-lead', title: 'Neighbourhood Lead', effectiveFrom: day('2022-01-01') } } }]);

    expect(sorted(impact.recipients)).toEqual([
      recipient('post', 'int-lead', trust, ['p-inc-lead'], ['post-retitled'], ['retitle-int-lead']),
      recipient('post', 'int-ot', trust, ['p-ot'], ['direct-report'], ['retitle-int-lead']),
      recipient('post', 'int-social-worker', trust, ['p-social-worker'], ['direct-report'], ['retitle-int-lead']),
    ]);
  });

  it('the 2022 transfer of the therapist’s employment tells both employers, the team and its lead', async () => {
    const impact = await analyser.analyse([
      { changeId: 'tupe', command: { type: 'TransferEmployment', data: { hostOrganisationId: trust, unitId: 'int-east', personIds: ['p-ot'], fromEmployerId: trust, toEmployerId: council, effectiveFrom: day('2022-04-01') } } },
    ]);

    expect(sorted(impact.recipients)).toEqual([
      // The council records no units or posts, so it has nobody to name; the trust speaks through its board.
      recipient('organisation', council, council, [], ['gaining-organisation', 'partner-organisation', 'employing-organisation'], ['tupe']),
      recipient('organisation', trust, trust, ['p-md'], ['losing-organisation'], ['tupe']),
      recipient('post', 'int-lead', trust, ['p-inc-lead'], ['unit-manager'], ['tupe']),
      recipient('unit', 'int-east', trust, ['p-inc-lead', 'p-social-worker', 'p-ot'], ['unit-member'], ['tupe']),
    ]);
  });

  it('the 2020 community service transfer tells both trusts and the service as it was at Brookfield', async () => {
    const impact = await analyser.analyse([
      { changeId: 'transfer', command: { type: 'TransferService', data: { unitId: 'community-nursing', fromOrganisationId: communityTrust, toOrganisationId: trust, toParentUnitId: 'div-integrated-care', effectiveFrom: day('2020-10-01') } } },
    ]);

    expect(sorted(impact.recipients)).toEqual([
      // Brookfield has no board unit and no posts in its top-level unit; the new division opens on the day itself.
      recipient('organisation', communityTrust, communityTrust, [], ['losing-organisation'], ['transfer']),
      recipient('organisation', trust, trust, ['p-md'], ['gaining-organisation'], ['transfer']),
      recipient('post', 'community-lead', communityTrust, ['p-community-lead'], ['unit-manager'], ['transfer']),
      recipient('unit', 'community-nursing', communityTrust, ['p-community-lead'], ['unit-member'], ['transfer']),
    ]);
  });

  it('a new neighbourhood post created and filled on the same day names the person appointed, though the record has no such post yet', async () => {
    const create: ImpactChange = {
      changeId: 'create-int-nurse',
      command: { type: 'CreatePost', data: { postId: 'int-nurse', organisationId: trust, unitId: 'int-east', title: 'Community Nurse', family: 'clinical', grade: 'AfC 6', maxHolders: 1, effectiveFrom: day('2024-04-01') }, context: { unitOpen: true } },
    };
    const fill: ImpactChange = {
      changeId: 'fill-int-nurse',
      command: { type: 'StartAppointment', data: { postId: 'int-nurse', appointmentId: 'a-int-nurse', personId: 'p-new-nurse', kind: 'substantive', effectiveFrom: day('2024-04-01') }, context: { unitOpen: true, personKnown: true } },
    };

    const impact = await analyser.analyse([create, fill]);

    expect(sorted(impact.recipients)).toContainEqual(recipient('post', 'int-nurse', trust, ['p-new-nurse'], ['appointment-started'], ['fill-int-nurse']));
    expect(impact.unresolved).toEqual([]);

    // The fill alone, as the saga analyses a change when it takes effect, read with its programme's changes.
    const fillAlone = await analyser.analyse([fill], undefined, [create, fill]);
    expect(sorted(fillAlone.recipients)).toContainEqual(recipient('post', 'int-nurse', trust, ['p-new-nurse'], ['appointment-started'], ['fill-int-nurse']));
    expect(fillAlone.recipients.every((r) => r.changeIds.every((id) => id === 'fill-int-nurse'))).toBe(true);
    expect((await analyser.analyse([fill])).unresolved).toEqual([{ changeId: 'fill-int-nurse', subjectId: 'int-nurse', code: 'PostNotFound' }]);
  });

  it('a post that follows a transferred service is found in its new organisation', async () => {
    const impact = await analyser.analyse([{ changeId: 'regrade', command: { type: 'RegradePost', data: { postId: 'community-lead', grade: 'AfC 8b', effectiveFrom: day('2021-01-01') } } }]);

    expect(impact.recipients).toEqual([recipient('post', 'community-lead', trust, ['p-community-lead'], ['post-regraded'], ['regrade'])]);
  });
});
