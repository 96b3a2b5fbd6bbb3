import { SqliteEventStore } from '@orgchange/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogChannel } from './log.channel';
import { NotificationRelay } from './notification-relay';
import { NotificationSagaRunner } from './notification-saga.runner';
import { startFlakyWebhookServer } from './testing/flaky-webhook-server';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';
import { WebhookChannel } from './webhook.channel';

/** Short waits so the test runs fast; what is checked is how many tries were made and recorded. */
const quickRetry = { maxAttempts: 4, initialDelayMs: 1, maxDelayMs: 4 };

describe('NotificationRelay', () => {
  let dir: string;
  let store: SqliteEventStore;
  let saga: NotificationSagaRunner;
  const servers: { close: () => Promise<void> }[] = [];

  /** A published proposal with one change affecting two posts: four notifications (the two posts, the change's unit, the board). */
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-relay-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const history = programmeHistory('p', plannedChanges(1)).slice(0, 2);
    await store.append('programme-p', asNewEvents('programme-p', history), { expectedVersion: 'no_stream' });
    saga = new NotificationSagaRunner(store, new TableRecipientFinder(2));
    await saga.catchUp();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries a webhook that fails at first, with the notification id as idempotency key, and records the tries', async () => {
    const server = await startFlakyWebhookServer({ failFirst: 3 });
    servers.push(server);
    const notifications = saga.outbox.notificationsOfProgramme('p');
    expect(notifications).toHaveLength(4);

    const relay = new NotificationRelay(saga.outbox, new WebhookChannel({ url: server.url }), { retry: quickRetry, concurrency: 1 });
    expect(await relay.deliverPending()).toEqual({ delivered: 4, failed: 0 });

    // One at a time: the first notification took the three failures and a fourth try.
    expect(server.received.map((r) => [r.headers['idempotency-key'], r.answeredWith])).toEqual([
      ...[503, 503, 503, 204].map((status) => [notifications[0].notificationId, status]),
      ...notifications.slice(1).map((n) => [n.notificationId, 204]),
    ]);
    expect(JSON.parse(server.received[3].body)).toEqual(notifications[0]);
    const records = saga.outbox.recordsOfProgramme('p');
    expect(records[0].deliveries).toEqual([{ channel: 'webhook', status: 'delivered', attempts: 4, lastError: expect.stringContaining('HTTP 503'), settledAt: expect.any(String) }]);
    expect(records.slice(1).map((r) => r.deliveries[0])).toEqual(notifications.slice(1).map(() => expect.objectContaining({ status: 'delivered', attempts: 1, lastError: null })));
    // Settled notifications are not sent again.
    expect(await relay.deliverPending()).toEqual({ delivered: 0, failed: 0 });
  });

  it('marks a notification failed, with its tries and last error, once the receiver has refused it maxAttempts times', async () => {
    const server = await startFlakyWebhookServer({ failFirst: Number.MAX_SAFE_INTEGER });
    servers.push(server);
    const relay = new NotificationRelay(saga.outbox, new WebhookChannel({ url: server.url }), { retry: quickRetry });

    expect(await relay.deliverPending()).toEqual({ delivered: 0, failed: 4 });
    expect(server.received).toHaveLength(4 * quickRetry.maxAttempts);
    expect(saga.outbox.recordsOfProgramme('p').map((r) => r.deliveries)).toEqual(
      Array(4).fill([{ channel: 'webhook', status: 'failed', attempts: 4, lastError: expect.stringContaining('HTTP 503'), settledAt: expect.any(String) }]),
    );
  });

  it('does not retry a notification the receiver rejects as such (HTTP 400)', async () => {
    const server = await startFlakyWebhookServer({ failFirst: 1, failWith: 400 });
    servers.push(server);
    const relay = new NotificationRelay(saga.outbox, new WebhookChannel({ url: server.url }), { retry: quickRetry, concurrency: 1 });

    expect(await relay.deliverPending()).toEqual({ delivered: 3, failed: 1 });
    expect(server.received).toHaveLength(4);
    expect(saga.outbox.recordsOfProgramme('p')[0].deliveries[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('HTTP 400') });
  });

  it('started, delivers what the saga adds when nudged, each channel keeping its own record', async () => {
    const lines: string[] = [];
    const relay = new NotificationRelay(saga.outbox, new LogChannel((line) => lines.push(line)), { pollIntervalMs: 60_000 });
    relay.start();
    for (const deadline = Date.now() + 5000; lines.length < 4; await new Promise((r) => setTimeout(r, 5))) if (Date.now() > deadline) throw new Error('not delivered');

    const rest = programmeHistory('p', plannedChanges(1)).slice(2, 3);
    await store.append('programme-p', asNewEvents('programme-p', rest, 2), { expectedVersion: 1 });
    const live = new NotificationSagaRunner(store, new TableRecipientFinder(2), { onNotified: () => relay.nudge() });
    await live.catchUp();
    for (const deadline = Date.now() + 5000; lines.length < 8; await new Promise((r) => setTimeout(r, 5))) if (Date.now() > deadline) throw new Error('not delivered after the nudge');
    await relay.stop();

    expect(lines[4]).toMatch(/^notification \S+ consultation-opened programme=p to post change-0-post-0$/);
    expect(saga.outbox.recordsOfProgramme('p').map((r) => r.deliveries.map((d) => `${d.channel} ${d.status}`))).toEqual(Array(8).fill(['log delivered']));
  });
});
