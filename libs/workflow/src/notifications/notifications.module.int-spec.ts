import { Test } from '@nestjs/testing';
import { EVENT_STORE, type EventStore, EventStoreModule } from '@orgchange/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notificationsConfigFrom } from './notifications.config';
import { NotificationsModule } from './notifications.module';
import { startFlakyWebhookServer } from './testing/flaky-webhook-server';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';

describe('NotificationsModule in a Nest application', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'orgchange-notify-module-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the log once started and delivers each new notification to the configured webhook, retrying a failure', async () => {
    const server = await startFlakyWebhookServer({ failFirst: 1 });
    const config = notificationsConfigFrom({ NOTIFY_WEBHOOK_URL: server.url, NOTIFY_LOG: 'false', NOTIFY_BACKOFF_MS: '1' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreModule.forRoot({ kind: 'sqlite', file: join(dir, 'events.sqlite') }),
        NotificationsModule.forRoot({ config, recipientFinder: { inject: [], useFactory: () => new TableRecipientFinder(3) } }),
      ],
    }).compile();
    const app = await moduleRef.init();
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      await store.append('programme-p', asNewEvents('programme-p', programmeHistory('p', plannedChanges(1)).slice(0, 3)), { expectedVersion: 'no_stream' });
      // Published and consultation opened: five recipients each (three posts, the change's unit, the board).
      for (const deadline = Date.now() + 10_000; new Set(server.received.filter((r) => r.answeredWith === 204).map((r) => r.headers['idempotency-key'])).size < 10; ) {
        if (Date.now() > deadline) throw new Error(`only ${server.received.length} requests arrived`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(server.received[0].answeredWith).toBe(503);
      expect(server.received.filter((r) => r.answeredWith === 204)).toHaveLength(10);
    } finally {
      await app.close();
      await server.close();
    }
  });
});
