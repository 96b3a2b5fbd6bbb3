import { SqliteEventStore } from '@orgchange/event-store';
import { topicNames } from '@orgchange/messaging';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byKey, consumeAll, type ConsumedMessage } from '../../../../test/support/kafka/consume-all';
import { startTestKafka, type TestKafka } from '../../../../test/support/kafka/test-kafka';
import { KafkaChannel } from './kafka.channel';
import { NotificationRelay } from './notification-relay';
import { NotificationSagaRunner } from './notification-saga.runner';
import type { NotifiedRecipient } from './notification.types';
import type { RecipientFinder } from './recipient-finder.port';
import { asNewEvents, plannedChanges, programmeHistory, TableRecipientFinder } from './testing/programme-history';

jest.setTimeout(60_000);

/** The table finder, but each change's own posts and unit belong to an organisation of their own (the board stays in the trust). */
class SeveralOrganisationsFinder implements RecipientFinder {
  private readonly table = new TableRecipientFinder(2);
  async recipientsOf(changes: Parameters<RecipientFinder['recipientsOf']>[0]): Promise<readonly NotifiedRecipient[]> {
    return (await this.table.recipientsOf(changes)).map((r) => (r.recipientId === 'board' ? r : { ...r, organisationId: `org-${r.changeIds[0]}` }));
  }
}

/** The checked-in contract compiled on its own (not through the channel's ContractSchemas), so the test checks the channel. */
function notificationContract(): (value: unknown) => boolean {
  const dir = join(__dirname, '../../../messaging/schemas');
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const data = ajv.compile(JSON.parse(readFileSync(join(dir, 'notifications/Notification.v1.json'), 'utf8')));
  const envelope = ajv.compile(JSON.parse(readFileSync(join(dir, 'cloudevent.json'), 'utf8')));
  return (value) => envelope(value) && data((value as { data: unknown }).data);
}

/** 'basic': librdkafka's mock cluster (plain producer, auto-created topic); 'full': the in-repo test broker (idempotent producer, CreateTopics). */
describe.each(['basic', 'full'] as const)('KafkaChannel against Kafka (%s)', (features) => {
  let kafka: TestKafka;
  let dir: string;
  let store: SqliteEventStore;
  let saga: NotificationSagaRunner;
  let topic: string;
  let channel: KafkaChannel;

  beforeAll(async () => {
    kafka = await startTestKafka({ features });
  });
  afterAll(async () => {
    await kafka.stop();
  });
  /** Programme p: three changes taking effect, each reaching two posts and a unit of its own organisation, and the trust's board. */
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-kafka-channel-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await store.append('programme-p', asNewEvents('programme-p', programmeHistory('p', plannedChanges(3))), { expectedVersion: 'no_stream' });
    saga = new NotificationSagaRunner(store, new SeveralOrganisationsFinder());
    await saga.catchUp();
    // A fresh prefix per test: a real cluster keeps its topics between runs.
    topic = topicNames(`test-${randomUUID().slice(0, 8)}`).notifications;
    const idempotent = kafka.kind !== 'mock-cluster';
    channel = new KafkaChannel({
      kafka: { brokers: kafka.brokers, clientId: 'notify-test', idempotent, partitions: 3, replicationFactor: 1 },
      topic,
      source: 'urn:orgchange:test',
      createTopic: kafka.kind !== 'mock-cluster',
    });
  });
  afterEach(async () => {
    await channel.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every notification once after dedupe, keyed by the recipient organisation, in outbox order per key, valid against its schema', async () => {
    const notifications = saga.outbox.notificationsOfProgramme('p');
    expect(notifications.length).toBeGreaterThan(20);
    // A previous worker published the first notification and died before recording it: the relay sends it again.
    await channel.deliver(notifications[0]);

    const relay = new NotificationRelay(saga.outbox, channel, { concurrency: 1 });
    expect(await relay.deliverPending()).toEqual({ delivered: notifications.length, failed: 0 });

    const messages = await consumeAll(kafka.brokers, [topic], { until: (read) => read.length >= notifications.length + 1 });
    expect(messages).toHaveLength(notifications.length + 1);
    const valid = notificationContract();
    const envelopes = messages.map((m) => JSON.parse(m.value!) as { id: string; type: string; data: { recipient: { organisationId: string } } });
    expect(envelopes.filter((e) => !valid(e))).toEqual([]);
    expect(messages.every((m) => m.headers['content-type'] === 'application/cloudevents+json')).toBe(true);
    expect(new Set(envelopes.map((e) => e.type))).toEqual(new Set(['orgchange.Notification.v1']));
    // Keyed by the recipient's organisation: four organisations here.
    expect(messages.map((m, i) => m.key === envelopes[i].data.recipient.organisationId)).not.toContain(false);
    expect(new Set(messages.map((m) => m.key))).toEqual(new Set(['trust', 'org-change-0', 'org-change-1', 'org-change-2']));
    // Dedupe on id: each notification exactly once, and only those.
    const deduped = [...new Map(envelopes.map((e) => [e.id, e])).keys()];
    expect(deduped.sort()).toEqual(notifications.map((n) => n.notificationId).sort());
    // Per key, the first copy of each id comes in the order the saga wrote them.
    for (const [key, list] of byKey(messages)) {
      const firstCopies = [...new Set(list.map((m: ConsumedMessage) => (JSON.parse(m.value!) as { id: string }).id))];
      expect({ key, ids: firstCopies }).toEqual({ key, ids: notifications.filter((n) => n.recipient.organisationId === key).map((n) => n.notificationId) });
    }
    expect(saga.outbox.recordsOfProgramme('p').map((r) => r.deliveries.map((d) => `${d.channel} ${d.status}`))).toEqual(notifications.map(() => ['kafka delivered']));
  });

  it('refuses a notification breaking its contract as permanent (the relay marks it failed without retrying)', async () => {
    const [first] = saga.outbox.notificationsOfProgramme('p');
    await expect(channel.deliver({ ...first, occurredOn: 'not a date' as never })).rejects.toMatchObject({ name: 'PermanentDeliveryError', message: expect.stringContaining('/occurredOn') });
  });
});
