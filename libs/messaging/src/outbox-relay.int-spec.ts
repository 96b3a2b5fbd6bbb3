import { SqliteEventStore, type NewEvent } from '@orgchange/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byKey, consumeAll } from '../../../test/support/kafka/consume-all';
import { startTestKafka, type TestKafka } from '../../../test/support/kafka/test-kafka';
import { ContractSchemas } from './contract-schemas';
import { ERROR_HEADER, ORIGINAL_TOPIC_HEADER } from './dead-letter';
import { MessageFactory } from './kafka-message';
import { KafkaPublisher } from './kafka-publisher';
import { OrganisationKeys } from './organisation-key';
import { OutboxRelay } from './outbox-relay';
import { allTopics, topicNames } from './topics';

jest.setTimeout(60_000);

const unitRenamed = (organisationId: string, seq: number, data: Record<string, unknown> = {}): NewEvent => ({
  eventId: randomUUID(),
  type: 'UnitRenamed',
  version: 1,
  data: { organisationId, unitId: 'u1', name: `Name ${seq}`, effectiveFrom: '2024-04-01', ...data },
  metadata: { actor: 'test', correlationId: randomUUID() },
});

/** 'basic': librdkafka's mock cluster (plain producer); 'full': the in-repo test broker (idempotent producer, CreateTopics). */
describe.each(['basic', 'full'] as const)('OutboxRelay against Kafka (%s)', (features) => {
  let kafka: TestKafka;
  let dir: string;
  let store: SqliteEventStore;
  let publisher: KafkaPublisher;
  let relay: OutboxRelay;
  // A fresh prefix per test: a real cluster keeps its topics between runs.
  let topics: ReturnType<typeof topicNames>;

  beforeAll(async () => {
    kafka = await startTestKafka({ features });
  });
  afterAll(async () => {
    await kafka.stop();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-relay-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    topics = topicNames(`test-${randomUUID().slice(0, 8)}`);
    publisher = new KafkaPublisher({ brokers: kafka.brokers, clientId: 'relay-test', idempotent: kafka.kind !== 'mock-cluster', partitions: 3, replicationFactor: 1 });
    const factory = new MessageFactory({ topics, source: 'urn:orgchange:test', schemas: new ContractSchemas(), keys: new OrganisationKeys(store) });
    relay = new OutboxRelay(store.outbox, factory, publisher, { deadLetterTopic: topics.deadLetter, batchSize: 50, pollIntervalMs: 10 });
  });
  afterEach(async () => {
    await relay.stop();
    await publisher.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ensureTopics = async (): Promise<void> => {
    if (kafka.kind !== 'mock-cluster') await publisher.ensureTopics([topics.restructures, topics.deadLetter]);
  };

  it('publishes every appended event once acknowledged, keyed by organisation and in order per key, then empties the outbox', async () => {
    await ensureTopics();
    const organisations = ['org-a', 'org-b', 'org-c'];
    for (let seq = 0; seq < 60; seq += 1) {
      const organisationId = organisations[seq % 3];
      await store.append(`organisation-${organisationId}`, [unitRenamed(organisationId, seq)], { expectedVersion: 'any' });
    }

    relay.start();
    const messages = await consumeAll(kafka.brokers, [topics.restructures], { until: (all) => all.length >= 60 });

    const groups = byKey(messages);
    expect([...groups.keys()].sort()).toEqual(organisations);
    for (const [key, list] of groups) {
      const positions = list.map((m) => Number(JSON.parse(m.value!).orgchangeposition));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(list.every((m) => JSON.parse(m.value!).data.organisationId === key)).toBe(true);
    }
    await relay.stop();
    expect(await store.outbox.lag()).toMatchObject({ waiting: 0 });
    expect(relay.status.snapshot()).toMatchObject({ published: 60, deadLettered: 0 });
  });

  it('sends a poison event to the dead-letter topic with its error and carries on with the next', async () => {
    await ensureTopics();
    await store.append('organisation-org-a', [unitRenamed('org-a', 1)], { expectedVersion: 'any' });
    const poison = unitRenamed('org-a', 2, { name: 42 });
    await store.append('organisation-org-a', [poison], { expectedVersion: 'any' });
    await store.append('organisation-org-a', [unitRenamed('org-a', 3)], { expectedVersion: 'any' });

    await relay.drain();

    const [published, deadLetters] = await Promise.all([
      consumeAll(kafka.brokers, [topics.restructures], { until: (all) => all.length >= 2 }),
      consumeAll(kafka.brokers, [topics.deadLetter], { until: (all) => all.length >= 1 }),
    ]);
    expect(published.map((m) => JSON.parse(m.value!).data.name)).toEqual(['Name 1', 'Name 3']);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].headers[ERROR_HEADER]).toMatch(/name must be string/);
    expect(deadLetters[0].headers[ORIGINAL_TOPIC_HEADER]).toBeUndefined();
    expect(JSON.parse(deadLetters[0].value!).event).toMatchObject({ eventId: poison.eventId, data: { name: 42 } });
    expect(await store.outbox.deadLetters()).toEqual([expect.objectContaining({ eventId: poison.eventId, error: expect.stringMatching(/name must be string/) })]);
    expect(await store.outbox.pending(10)).toEqual([]);
  });

  it('creates the missing topics once, with the partitions asked for (not on the mock cluster, which has no CreateTopics)', async () => {
    if (kafka.kind === 'mock-cluster') return;
    const wanted = allTopics(topics);

    expect((await publisher.ensureTopics(wanted)).sort()).toEqual([...wanted].sort());
    expect(await publisher.ensureTopics(wanted)).toEqual([]);

    const admin = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: wanted });
      expect(metadata.map((t) => t.partitions.length)).toEqual(wanted.map(() => 3));
    } finally {
      await admin.disconnect();
    }
  });

  it('keeps entries waiting while the broker cannot be reached, and reports it', async () => {
    const unreachable = new KafkaPublisher({ brokers: ['127.0.0.1:1'], clientId: 'relay-test', idempotent: false, partitions: 1, replicationFactor: 1, connectionTimeoutMs: 200 });
    const factory = new MessageFactory({ topics, source: 'urn:orgchange:test', schemas: new ContractSchemas(), keys: new OrganisationKeys(store) });
    const stranded = new OutboxRelay(store.outbox, factory, unreachable, { deadLetterTopic: topics.deadLetter, backoff: { initialMs: 10, maxMs: 50 }, drainTimeoutMs: 0 });
    await store.append('organisation-org-a', [unitRenamed('org-a', 1)], { expectedVersion: 'any' });

    await expect(stranded.publishBatch()).rejects.toThrow();

    expect(await store.outbox.lag()).toMatchObject({ waiting: 1 });
    await unreachable.close();
  });
});
