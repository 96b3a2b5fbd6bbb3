import { SqliteEventStore } from '@orgchange/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotificationSagaRunner } from './notification-saga.runner';
import type { SagaFailure } from './saga-checkpoint';
import { expectedNotificationIds } from './testing/expected-notifications';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';

const POSTS_PER_CHANGE = 4;
const filler = (n: number) => asNewEvents(`organisation-filler-${n}`, [{ type: 'OrganisationRenamed', version: 1, data: { organisationId: `filler-${n}`, name: `Filler ${n}`, effectiveFrom: '2026-01-01' } }]);

/** Polls `condition` until it holds; fails after `ms` rather than wait for ever. */
async function eventually(condition: () => boolean, ms = 10_000): Promise<void> {
  for (const deadline = Date.now() + ms; !condition(); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('NotificationSagaRunner on a real SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-notify-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('following the log live, notifies everyone affected at each step of a programme that takes effect, once each', async () => {
    const saga = new NotificationSagaRunner(store, new TableRecipientFinder(POSTS_PER_CHANGE), { checkpointEvery: 3 });
    saga.start();
    const changes = plannedChanges(3);
    const events = programmeHistory('reorg', changes);
    // One programme event at a time between unrelated appends, as a worker would see them.
    for (const [i, event] of asNewEvents('programme-reorg', events).entries()) {
      await store.append(`organisation-filler-${i}`, filler(i), { expectedVersion: 'no_stream' });
      await store.append('programme-reorg', [event], { expectedVersion: i - 1 });
    }
    const expected = expectedNotificationIds('reorg', changes.map((c) => c.changeId), POSTS_PER_CHANGE, 'effective');
    await eventually(() => saga.outbox.count() >= expected.length);
    await saga.stop();

    expect(saga.outbox.notificationsOfProgramme('reorg').map((n) => n.notificationId)).toEqual(expected);
    expect(new Set(expected).size).toBe(4 * (3 * (POSTS_PER_CHANGE + 1) + 1) + 3 * (POSTS_PER_CHANGE + 2));
  });

  it('handling the same log again, or from a second runner on the file, adds nothing', async () => {
    const changes = plannedChanges(2);
    await store.append('programme-again', asNewEvents('programme-again', programmeHistory('again', changes)), { expectedVersion: 'no_stream' });
    const first = new NotificationSagaRunner(store, new TableRecipientFinder(POSTS_PER_CHANGE));
    await first.catchUp();
    const count = first.outbox.count();

    store.database.prepare('UPDATE notification_saga_checkpoint SET position = 0').run();
    await new NotificationSagaRunner(store, new TableRecipientFinder(POSTS_PER_CHANGE)).catchUp();

    expect(first.outbox.count()).toBe(count);
    expect(first.outbox.notificationsOfProgramme('again').map((n) => n.notificationId)).toEqual(expectedNotificationIds('again', ['change-0', 'change-1'], POSTS_PER_CHANGE, 'effective'));
  });

  it('withdrawn after scheduling: nothing takes effect, and everyone already told is told it is off', async () => {
    const changes = plannedChanges(2);
    await store.append('programme-off', asNewEvents('programme-off', programmeHistory('off', changes, { withdraw: 'after-scheduling' })), { expectedVersion: 'no_stream' });
    await store.append('programme-draft', asNewEvents('programme-draft', programmeHistory('draft', changes, { withdraw: 'while-drafted' })), { expectedVersion: 'no_stream' });
    const saga = new NotificationSagaRunner(store, new TableRecipientFinder(POSTS_PER_CHANGE));
    await saga.catchUp();

    const notifications = saga.outbox.notificationsOfProgramme('off');
    expect(notifications.map((n) => n.notificationId)).toEqual(expectedNotificationIds('off', ['change-0', 'change-1'], POSTS_PER_CHANGE, 'withdrawn'));
    expect(notifications.some((n) => n.kind === 'change-effective')).toBe(false);
    const told = new Set(notifications.filter((n) => n.kind === 'proposal-published').map((n) => n.recipient.recipientId));
    const withdrawn = notifications.filter((n) => n.kind === 'programme-withdrawn');
    expect(new Set(withdrawn.map((n) => n.recipient.recipientId))).toEqual(told);
    expect(withdrawn[0].details).toEqual({ reason: 'funding withdrawn', previousStatus: 'scheduled', cancelledChangeIds: ['change-0', 'change-1'] });
    // Withdrawn before anyone was told: nobody to tell.
    expect(saga.outbox.notificationsOfProgramme('draft')).toEqual([]);
  });

  it('stops on an event it cannot handle, records why, and tries that same event again on restart', async () => {
    const events = programmeHistory('broken', plannedChanges(1));
    const scheduled = events.findIndex((e) => e.type === 'ProgrammeDecided') + 1;
    const bogus = { type: 'PlannedChangeApplied', version: 1, data: { programmeId: 'broken', changeId: 'never-planned', effectiveFrom: '2026-09-01', appliedOn: '2026-09-01', streamIds: [] } };
    await store.append('programme-broken', asNewEvents('programme-broken', [...events.slice(0, scheduled), bogus, ...events.slice(scheduled)]), { expectedVersion: 'no_stream' });
    const failures: SagaFailure[] = [];
    const saga = new NotificationSagaRunner(store, new TableRecipientFinder(1), { onFailure: (f) => failures.push(f) });
    saga.start();
    await eventually(() => failures.length > 0);

    const position = BigInt(scheduled + 1);
    expect(failures[0]).toMatchObject({ globalPosition: position, error: expect.stringContaining('plans no change never-planned') });
    expect(saga.status()).toMatchObject({ running: false, checkpoint: position - 1n, failure: failures[0] });
    expect(saga.outbox.notificationsOfProgramme('broken').some((n) => n.kind === 'change-effective')).toBe(false);

    await expect(saga.catchUp()).rejects.toThrow(/never-planned/);
    expect(saga.checkpoint()).toBe(position - 1n);
    expect(failures.map((f) => f.globalPosition)).toEqual([position, position]);
  });
});
