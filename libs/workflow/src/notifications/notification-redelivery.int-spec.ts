import { SqliteEventStore } from '@orgchange/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotificationRedelivery } from './notification-redelivery';
import { NotificationRelay } from './notification-relay';
import { NotificationSagaRunner } from './notification-saga.runner';
import { startFlakyWebhookServer } from './testing/flaky-webhook-server';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';
import { WebhookChannel } from './webhook.channel';

const quickRetry = { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 };
const waitFor = async (done: () => boolean, what: string): Promise<void> => {
  for (const deadline = Date.now() + 5000; !done(); await new Promise((r) => setTimeout(r, 5))) if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
};

describe('NotificationRedelivery', () => {
  let dir: string;
  let store: SqliteEventStore;
  let saga: NotificationSagaRunner;
  const closing: (() => Promise<void>)[] = [];

  /** Four notifications (a published proposal with one change affecting two posts), all refused by a receiver that is down. */
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-redelivery-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await store.append('programme-p', asNewEvents('programme-p', programmeHistory('p', plannedChanges(1)).slice(0, 2)), { expectedVersion: 'no_stream' });
    saga = new NotificationSagaRunner(store, new TableRecipientFinder(2));
    await saga.catchUp();
  });
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function failEverything(): Promise<{ url: string; received: unknown[] }> {
    const down = await startFlakyWebhookServer({ failFirst: Number.MAX_SAFE_INTEGER });
    closing.push(down.close);
    expect(await new NotificationRelay(saga.outbox, new WebhookChannel({ url: down.url }), { retry: quickRetry }).deliverPending()).toEqual({ delivered: 0, failed: 4 });
    return down;
  }

  it('lists failed deliveries with their failure, narrowed by channel, programme and id', async () => {
    await failEverything();
    const redelivery = new NotificationRedelivery(store.database);
    const failed = redelivery.failed();

    expect(failed).toHaveLength(4);
    expect(failed[0]).toEqual({
      channel: 'webhook', notificationId: saga.outbox.notificationsOfProgramme('p')[0].notificationId, programmeId: 'p', kind: expect.any(String),
      recipient: expect.stringMatching(/^(post|unit|organisation) /), attempts: 2, lastError: expect.stringContaining('HTTP 503'), failedAt: expect.any(String),
    });
    expect(redelivery.failed({ channel: 'log' })).toEqual([]);
    expect(redelivery.failed({ programmeId: 'other' })).toEqual([]);
    expect(redelivery.failed({ notificationIds: [failed[2].notificationId] })).toEqual([failed[2]]);
  });

  it('makes failures pending again, keeps each failure on record, and a running relay delivers them without a restart', async () => {
    // Down for the first 4 notifications × 2 attempts, then up again.
    const receiver = await startFlakyWebhookServer({ failFirst: 4 * quickRetry.maxAttempts });
    closing.push(receiver.close);
    const relay = new NotificationRelay(saga.outbox, new WebhookChannel({ url: receiver.url }), { retry: quickRetry, pollIntervalMs: 20 });
    expect(await relay.deliverPending()).toEqual({ delivered: 0, failed: 4 });
    // This relay has settled everything: only a rewind makes it look below its low-water mark again.
    relay.start();
    closing.push(() => relay.stop());

    const redelivery = new NotificationRedelivery(store.database);
    const chosen = redelivery.failed().slice(1, 3).map((f) => f.notificationId);
    const retried = redelivery.redeliver({ notificationIds: chosen }, 'ops@example', new Date('2026-11-30T12:00:00Z'));

    expect(retried.map((f) => f.notificationId)).toEqual(chosen);
    await waitFor(() => receiver.received.length === 8 + 2, 'the two retried notifications delivered');
    await waitFor(() => saga.outbox.channelCounts('webhook').delivered === 2, 'their deliveries recorded');
    expect(receiver.received.slice(8).map((r) => [r.headers['idempotency-key'], r.answeredWith])).toEqual(chosen.map((id) => [id, 204]));
    expect(redelivery.failed().map((f) => f.notificationId)).toEqual(saga.outbox.notificationsOfProgramme('p').map((n) => n.notificationId).filter((id) => !chosen.includes(id)));
    const history = store.database.prepare('SELECT notification_id, failed_attempts, failed_error, requested_by, requested_at FROM notification_redeliveries ORDER BY id').all();
    expect(history).toEqual(chosen.map((id) => ({ notification_id: id, failed_attempts: 2, failed_error: expect.stringContaining('HTTP 503'), requested_by: 'ops@example', requested_at: '2026-11-30T12:00:00.000Z' })));
  });

  it('leaves delivered notifications alone and retries nothing that did not fail', async () => {
    const up = await startFlakyWebhookServer({ failFirst: 0 });
    closing.push(up.close);
    await new NotificationRelay(saga.outbox, new WebhookChannel({ url: up.url }), { retry: quickRetry }).deliverPending();
    const redelivery = new NotificationRedelivery(store.database);

    expect(redelivery.redeliver({}, 'ops', new Date())).toEqual([]);
    expect(saga.outbox.channelCounts('webhook')).toEqual({ delivered: 4, failed: 0, pending: 0 });
  });
});
