import { SqliteEventStore } from '@orgchange/event-store';
import { topicNames } from '@orgchange/messaging';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBroker, type TestBroker } from '../../../../test/kafka-broker/test-broker';
import { consumeAll } from '../../../../test/support/kafka/consume-all';
import { externalBrokers } from '../../../../test/support/kafka/test-kafka';
import { KafkaChannel } from './kafka.channel';
import type { NotificationChannel } from './notification-channel.port';
import { NotificationRelay } from './notification-relay';
import { NotificationSagaRunner } from './notification-saga.runner';
import type { Notification } from './notification.types';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';

jest.setTimeout(60_000);

/** Resolves once `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
async function eventually(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Counts the tries the relay makes and how many failed, passing each on to the Kafka channel. */
class CountingChannel implements NotificationChannel {
  readonly name: string;
  tries = 0;
  failures = 0;
  constructor(private readonly inner: KafkaChannel) {
    this.name = inner.name;
  }
  async deliver(notification: Notification): Promise<void> {
    this.tries += 1;
    await this.inner.deliver(notification).catch((error: unknown) => {
      this.failures += 1;
      throw error;
    });
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/**
 * The broker goes away and comes back on the same port: the in-repo test broker, stopped and started again
 * (it keeps nothing in memory across a stop, so the topic is created again when it returns). A cluster given
 * by KAFKA_BROKERS cannot be stopped from here, so this suite runs only against the test broker.
 */
const describeWithOwnBroker = externalBrokers() ? describe.skip : describe;

describeWithOwnBroker('KafkaChannel while the broker is down', () => {
  let broker: TestBroker | undefined;
  let dir: string;
  let store: SqliteEventStore;
  let relay: NotificationRelay | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-kafka-outage-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await relay?.stop();
    await broker?.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the notifications pending while the broker is unreachable, and delivers each once it is back', async () => {
    broker = await startTestBroker();
    const port = broker.port;
    await broker.stop();
    broker = undefined;
    const history = programmeHistory('p', plannedChanges(2)).slice(0, 2);
    await store.append('programme-p', asNewEvents('programme-p', history), { expectedVersion: 'no_stream' });
    const saga = new NotificationSagaRunner(store, new TableRecipientFinder(1));
    await saga.catchUp();
    const notifications = saga.outbox.notificationsOfProgramme('p');
    const topic = topicNames('outage').notifications;
    const channel = new CountingChannel(
      new KafkaChannel({
        kafka: { brokers: [`127.0.0.1:${port}`], clientId: 'notify-outage', idempotent: true, partitions: 2, replicationFactor: 1, requestTimeoutMs: 1_000, connectionTimeoutMs: 300 },
        topic,
        source: 'urn:orgchange:test',
        createTopic: true,
      }),
    );
    relay = new NotificationRelay(saga.outbox, channel, { retry: { maxAttempts: 1_000, initialDelayMs: 20, maxDelayMs: 200 }, concurrency: 2, pollIntervalMs: 50 });
    relay.start();

    await eventually(() => channel.failures >= 6);
    expect(saga.outbox.recordsOfProgramme('p').flatMap((r) => r.deliveries)).toEqual([]);

    broker = await startTestBroker({ port });
    await eventually(() => saga.outbox.recordsOfProgramme('p').every((r) => r.deliveries.length === 1));

    const records = saga.outbox.recordsOfProgramme('p');
    expect(records.map((r) => r.deliveries[0].status)).toEqual(notifications.map(() => 'delivered'));
    expect(Math.max(...records.map((r) => r.deliveries[0].attempts))).toBeGreaterThan(1);
    const idsOf = (read: readonly { value: string | null }[]) => [...new Set(read.map((m) => (JSON.parse(m.value!) as { id: string }).id))];
    const messages = await consumeAll(broker.brokers, [topic], { until: (read) => idsOf(read).length >= notifications.length });
    expect(idsOf(messages).sort()).toEqual(notifications.map((n) => n.notificationId).sort());
    expect(messages.map((m) => m.key)).toEqual(messages.map(() => 'trust'));
    expect(channel.tries - channel.failures).toBeGreaterThanOrEqual(notifications.length);
  });
});
