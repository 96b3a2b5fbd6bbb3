import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordDemoInto } from '@orgchange/demo-data';
import { type CalendarDate, eventUpcasters, type PlannedChange } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';
import { ImpactAnalyser } from '../impact/impact-analyser';
import { ImpactRecipientFinder } from './impact-recipient-finder';
import { NotificationSagaRunner } from './notification-saga.runner';
import { asNewEvents, programmeHistory } from './testing/programme-history';

/** Given the demo history, a programme that abolishes Medicine's clinical director post on the 2019 merger day. */
describe('notification saga with impact analysis over the demo history', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-impact-notify-'));
    store = new SqliteEventStore({ file: join(dir, 'demo.sqlite'), upcast: chainUpcasters(eventUpcasters) });
    await recordDemoInto(store);
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the post holder and the triumvirate partners the proposal is published, naming the people in post the day before', async () => {
    const change: PlannedChange = { changeId: 'abolish-cd-med', command: { type: 'AbolishPost', data: { postId: 'cd-med', effectiveFrom: '2019-04-01' as CalendarDate } } };
    await store.append('programme-merger', asNewEvents('programme-merger', programmeHistory('merger', [change]).slice(0, 2)), { expectedVersion: 'no_stream' });
    const finder = new ImpactRecipientFinder(new ImpactAnalyser(new LeadershipReader(store, new LeadershipProjector(store))));

    const saga = new NotificationSagaRunner(store, finder);
    await saga.catchUp();

    expect(saga.outbox.notificationsOfProgramme('merger').map((n) => [n.kind, n.recipient.recipientId, n.recipient.personIds, n.recipient.reasons])).toEqual([
      ['proposal-published', 'cd-med', ['p-cd-med'], ['post-abolished']],
      ['proposal-published', 'nm-med', ['p-nm-med'], ['group-partner']],
      ['proposal-published', 'bm-med', ['p-bm-med'], ['group-partner']],
    ]);
  }, 30_000);
});
