import { SqliteEventStore } from '@orgchange/event-store';
import { NotificationRelay, NotificationSagaRunner, WebhookChannel } from '@orgchange/workflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from '../../libs/workflow/src/notifications/testing/programme-history';

export type NotifyBenchResult = Readonly<{
  posts: number;
  notifications: number;
  sagaMs: number;
  deliveryMs: number;
  totalMs: number;
  deliveredPerSec: number;
}>;

/**
 * Issue 6's "fully notified" figure: a programme whose changes affect `posts` posts (in `changes` changes, through a
 * table finder: impact analysis is measured on its own) runs its whole lifecycle through the notification saga into
 * the outbox of a SQLite store, then the relay delivers every notification to a webhook on 127.0.0.1.
 */
export async function notifyBench(options: { posts?: number; changes?: number } = {}): Promise<NotifyBenchResult> {
  const changes = options.changes ?? 10;
  const posts = options.posts ?? 1000;
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-notify-bench-'));
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    await store.append('programme-bench', asNewEvents('programme-bench', programmeHistory('bench', plannedChanges(changes))), { expectedVersion: 'no_stream' });
    const started = performance.now();
    const saga = new NotificationSagaRunner(store, new TableRecipientFinder(Math.ceil(posts / changes)));
    await saga.catchUp();
    const sagaDone = performance.now();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notifications`;
    const relay = new NotificationRelay(saga.outbox, new WebhookChannel({ url }), { concurrency: 16 });
    const { delivered, failed } = await relay.deliverPending();
    const finished = performance.now();
    const notifications = saga.outbox.count();
    if (delivered !== notifications || failed !== 0 || received !== notifications) throw new Error(`delivered ${delivered}, failed ${failed}, received ${received} of ${notifications}`);
    return {
      posts,
      notifications,
      sagaMs: Math.round(sagaDone - started),
      deliveryMs: Math.round(finished - sagaDone),
      totalMs: Math.round(finished - started),
      deliveredPerSec: Math.round(notifications / ((finished - sagaDone) / 1000)),
    };
  } finally {
    await store.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  notifyBench().then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
