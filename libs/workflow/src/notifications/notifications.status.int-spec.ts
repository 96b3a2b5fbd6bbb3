import { SqliteEventStore } from '@orgchange/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogChannel } from './log.channel';
import { NotificationRelay } from './notification-relay';
import { NotificationSagaRunner } from './notification-saga.runner';
import { NotificationsStatus } from './notifications.status';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';

const eventually = async (done: () => boolean): Promise<void> => {
  for (const deadline = Date.now() + 5000; !done(); await new Promise((r) => setTimeout(r, 5))) if (Date.now() > deadline) throw new Error('timed out');
};

describe('NotificationsStatus', () => {
  let dir: string;
  let store: SqliteEventStore;
  let saga: NotificationSagaRunner;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-status-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await saga.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is healthy while the saga follows the log, with its lag and each channel\'s counts', async () => {
    await store.append('programme-p', asNewEvents('programme-p', programmeHistory('p', plannedChanges(1)).slice(0, 2)), { expectedVersion: 'no_stream' });
    saga = new NotificationSagaRunner(store, new TableRecipientFinder(2));
    saga.start();
    await eventually(() => saga.outbox.count() === 4);
    await new NotificationRelay(saga.outbox, new LogChannel(() => undefined)).deliverPending();

    const health = await new NotificationsStatus(store, saga, saga.outbox, ['log', 'webhook']).read();

    expect(health).toEqual({
      healthy: true,
      saga: { running: true, handledTo: '2', logHead: '2', lag: 0, failure: null },
      channels: [
        { channel: 'log', delivered: 4, failed: 0, pending: 0 },
        { channel: 'webhook', delivered: 0, failed: 0, pending: 4 },
      ],
    });
  });

  it('is unhealthy once the saga has stopped on an event, naming it', async () => {
    const events = programmeHistory('broken', plannedChanges(1));
    const scheduled = events.findIndex((e) => e.type === 'ProgrammeDecided') + 1;
    const bogus = { type: 'PlannedChangeApplied', version: 1, data: { programmeId: 'broken', changeId: 'never-planned', effectiveFrom: '2026-09-01', appliedOn: '2026-09-01', streamIds: [] } };
    await store.append('programme-broken', asNewEvents('programme-broken', [...events.slice(0, scheduled), bogus, ...events.slice(scheduled)]), { expectedVersion: 'no_stream' });
    saga = new NotificationSagaRunner(store, new TableRecipientFinder(1));
    saga.start();
    await eventually(() => saga.status().failure !== undefined);

    const health = await new NotificationsStatus(store, saga, saga.outbox, []).read();

    expect(health.healthy).toBe(false);
    expect(health.saga).toMatchObject({ running: false, handledTo: String(scheduled), failure: { globalPosition: String(scheduled + 1), error: expect.stringContaining('never-planned') } });
    expect(health.saga.lag).toBe(events.length + 1 - scheduled);
  });
});
