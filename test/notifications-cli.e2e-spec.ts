import { SqliteEventStore } from '@orgchange/event-store';
import { NotificationRedelivery, NotificationRelay, NotificationSagaRunner, WebhookChannel } from '@orgchange/workflow';
import { run } from '../apps/cli/src/main';
import { startFlakyWebhookServer } from '../libs/workflow/src/notifications/testing/flaky-webhook-server';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from '../libs/workflow/src/notifications/testing/programme-history';
import { tempDatabase, type TempDatabase } from './support/api-harness';

/** Given a programme's four notifications, all given up on by the webhook channel while its receiver was down. */
describe('orgchange notifications', () => {
  let database: TempDatabase;
  let notificationIds: string[];
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  const printed = () => out.mock.calls.map((call) => String(call[0])).join('\n');
  const failedNow = async () => {
    const store = new SqliteEventStore({ file: database.file });
    try {
      return new NotificationRedelivery(store.database).failed().map((f) => f.notificationId);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    database = tempDatabase();
    const store = new SqliteEventStore({ file: database.file });
    const down = await startFlakyWebhookServer({ failFirst: Number.MAX_SAFE_INTEGER });
    try {
      await store.append('programme-p', asNewEvents('programme-p', programmeHistory('p', plannedChanges(1)).slice(0, 2)), { expectedVersion: 'no_stream' });
      const saga = new NotificationSagaRunner(store, new TableRecipientFinder(2));
      await saga.catchUp();
      await new NotificationRelay(saga.outbox, new WebhookChannel({ url: down.url }), { retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 } }).deliverPending();
      notificationIds = saga.outbox.notificationsOfProgramme('p').map((n) => n.notificationId);
    } finally {
      await down.close();
      await store.close();
    }
  });
  afterAll(() => database.remove());
  beforeEach(() => {
    out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('failed lists each failed delivery with its channel, recipient, attempts and last error', async () => {
    expect(await run(['notifications', 'failed', '--db', database.file])).toBe(0);

    const lines = printed().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(new RegExp(`webhook  ${notificationIds[0]}  programme p  \\S+ to \\S+ \\S+  after 2 attempt\\(s\\): HTTP 503`));
    expect(await run(['notifications', 'failed', '--db', database.file, '--format', 'json', '--channel', 'log'])).toBe(0);
    expect(JSON.parse(out.mock.calls.at(-1)![0])).toEqual([]);
  });

  it('retry without saying what is refused, exit 2, and nothing is retried', async () => {
    expect(await run(['notifications', 'retry', '--db', database.file])).toBe(2);

    expect(err.mock.calls[0][0]).toMatch(/--channel, --programme or --id, or pass --all/);
    expect(await failedNow()).toEqual(notificationIds);
  });

  it('retry naming a notification that has not failed is refused, exit 1, and nothing is retried', async () => {
    expect(await run(['notifications', 'retry', '--db', database.file, '--id', notificationIds[0], 'no-such-notification'])).toBe(1);

    expect(err.mock.calls[0][0]).toMatch(/--id: no failed delivery matches no-such-notification; nothing was retried/);
    expect(await failedNow()).toEqual(notificationIds);
  });

  it('retry --id makes those pending again and says which; the rest stay failed', async () => {
    expect(await run(['notifications', 'retry', '--db', database.file, '--id', notificationIds[1], '--actor', 'ops'])).toBe(0);

    expect(JSON.parse(printed())).toEqual({ retried: 1, notifications: [{ channel: 'webhook', notificationId: notificationIds[1] }] });
    expect(await failedNow()).toEqual(notificationIds.filter((id) => id !== notificationIds[1]));
  });

  it('a missing database is exit 1 naming the file', async () => {
    expect(await run(['notifications', 'failed', '--db', `${database.file}.missing`])).toBe(1);
    expect(err.mock.calls[0][0]).toMatch(/no database at/);
  });
});
