import { SqliteEventStore, type NewEvent } from '@orgchange/event-store';
import { ContractSchemas, KafkaPublisher, MessageFactory, OrganisationKeys, OutboxRelay, type OutgoingMessage, topicNames } from '@orgchange/messaging';
import { KafkaJSProtocolError } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { consumeAll } from './support/kafka/consume-all';
import { startTestKafka, type TestKafka } from './support/kafka/test-kafka';
import { tempDatabase, type TempDatabase } from './support/api-harness';

// kafkajs's own table of broker error codes (10 = MESSAGE_TOO_LARGE), so the error is the one a broker causes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as { createErrorFromCode: (code: number) => Error };

jest.setTimeout(60_000);

/**
 * TEST DOUBLE of a broker's size limit (`message.max.bytes`), which neither librdkafka's mock cluster nor the
 * in-repo test broker enforces: produce requests go to the real broker, except that a request holding a message
 * whose value is longer than `maxValueBytes` fails as a broker fails it, with kafkajs's KafkaJSProtocolError for
 * MESSAGE_TOO_LARGE, and nothing of that request is written. Limits: it checks values only (not keys, headers or
 * the batch size), and it rejects the whole request, as Kafka does for a record batch.
 */
class SizeLimitedBrokerDouble {
  constructor(
    private readonly broker: KafkaPublisher,
    private readonly maxValueBytes: number,
  ) {}

  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.some((m) => Buffer.byteLength(m.value) > this.maxValueBytes)) throw new KafkaJSProtocolError(createErrorFromCode(10));
    await this.broker.send(messages);
  }
}

const renamed = (seq: number, name = `Trust ${seq}`): NewEvent => ({
  eventId: randomUUID(),
  type: 'OrganisationRenamed',
  version: 1,
  data: { organisationId: 'trust', name, effectiveFrom: '2020-01-01' },
  metadata: { actor: 'test', correlationId: randomUUID() },
});

describe('a message the broker keeps rejecting', () => {
  let kafka: TestKafka;
  let database: TempDatabase;
  let store: SqliteEventStore;
  let publisher: KafkaPublisher;

  beforeAll(async () => {
    kafka = await startTestKafka();
    database = tempDatabase();
    store = new SqliteEventStore({ file: database.file });
    publisher = new KafkaPublisher({ brokers: kafka.brokers, clientId: 'rejections', idempotent: kafka.kind !== 'mock-cluster', partitions: 1, replicationFactor: 1 });
  });
  afterAll(async () => {
    await publisher?.close();
    await store?.close();
    database?.remove();
    await kafka?.stop();
  });

  it('holds back the events after it until it is dead-lettered, then publishes them in order', async () => {
    const topics = topicNames(`reject-${randomUUID().slice(0, 8)}`);
    const factory = new MessageFactory({ topics, source: 'urn:orgchange:test', schemas: new ContractSchemas(), keys: new OrganisationKeys(store) });
    const relay = new OutboxRelay(store.outbox, factory, new SizeLimitedBrokerDouble(publisher, 2_000), { deadLetterTopic: topics.deadLetter, maxAttempts: 3, batchSize: 10 });
    const events = [renamed(1), renamed(2, 'x'.repeat(5_000)), renamed(3)];
    for (const event of events) await store.append('organisation-trust', [event], { expectedVersion: 'any' });

    await expect(relay.publishBatch()).rejects.toThrow(/larger than the max message size/);
    expect((await store.outbox.pending(10)).map((e) => [e.event.eventId, e.attempts])).toEqual([[events[1].eventId, 1], [events[2].eventId, 0]]);
    await expect(relay.publishBatch()).rejects.toThrow(/larger than the max message size/);

    expect(await relay.publishBatch()).toBe(2);

    expect(await store.outbox.pending(10)).toEqual([]);
    expect(await store.outbox.deadLetters()).toEqual([expect.objectContaining({ eventId: events[1].eventId, error: expect.stringMatching(/rejected by the broker 3 times/) })]);
    const [published, deadLetters] = await Promise.all([
      consumeAll(kafka.brokers, [topics.restructures], { until: (all) => all.length >= 2 }),
      consumeAll(kafka.brokers, [topics.deadLetter], { until: (all) => all.length >= 1 }),
    ]);
    expect(published.map((m) => JSON.parse(m.value!).id)).toEqual([events[0].eventId, events[2].eventId]);
    expect(deadLetters[0].headers).toMatchObject({ 'orgchange-original-topic': topics.restructures, 'orgchange-error': expect.stringMatching(/MESSAGE_TOO_LARGE|larger than/) });
    const deadLetter = JSON.parse(deadLetters[0].value!).event;
    expect(deadLetter).toMatchObject({ eventId: events[1].eventId, dataOmitted: expect.stringMatching(/read it from the log/) });
    expect(deadLetter.data).toBeUndefined();
  });
});
