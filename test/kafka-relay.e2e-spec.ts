import type { SqliteEventStore } from '@orgchange/event-store';
import {
  allTopics,
  ContractSchemas,
  KafkaPublisher,
  OutboxRelay,
  TOPIC_CATEGORIES,
  TOPIC_OF_EVENT_TYPE,
  topicNames,
  type PublishedEventType,
} from '@orgchange/messaging';
import { randomUUID } from 'node:crypto';
import { startApi, type ApiHarness } from './support/api-harness';
import { startRelayOverApi } from './support/kafka/relay-over-api';
import { createPost, establishOrganisation, establishUnit, given, registerPerson, send } from './support/fixtures';
import { byKey, consumeAll, type ConsumedMessage } from './support/kafka/consume-all';
import { startTestKafka, type TestKafka } from './support/kafka/test-kafka';
import { draftProgramme, renameUnit } from './support/programme-fixtures';

jest.setTimeout(90_000);

/**
 * Issue 7, end to end: commands through the API → events (and outbox rows) in the store → the relay, in its
 * own connection to the same file as the relay process has → messages on the right topics, keyed by
 * organisation, in order per key, envelope and data valid against the checked-in schemas.
 */
describe('API → store → Kafka topics', () => {
  let kafka: TestKafka;
  let api: ApiHarness;
  let relayStore: SqliteEventStore;
  let publisher: KafkaPublisher;
  let relay: OutboxRelay;
  const topics = topicNames(`e2e-${randomUUID().slice(0, 8)}`);
  const schemas = new ContractSchemas();

  beforeAll(async () => {
    // 'full': the in-repo test broker, so the relay runs as deployed: idempotent producer, topics created at start.
    kafka = await startTestKafka({ features: 'full' });
    api = await startApi();
    ({ relayStore, publisher, relay } = startRelayOverApi(api, {
      topics,
      source: 'urn:orgchange:e2e',
      publisher: { brokers: kafka.brokers, clientId: 'e2e-relay', idempotent: kafka.kind !== 'mock-cluster', partitions: 3, replicationFactor: 1 },
      relay: { batchSize: 25 },
    }));
  });
  afterAll(async () => {
    await relay?.stop();
    await publisher?.close();
    await relayStore?.close();
    await api?.close();
    await kafka?.stop();
  });

  async function recordHistory(): Promise<void> {
    for (const organisationId of ['trust', 'brookfield']) {
      await establishOrganisation(api, organisationId);
      await establishUnit(api, organisationId, `div-${organisationId}`);
      await createPost(api, `cd-${organisationId}`, organisationId, `div-${organisationId}`);
    }
    await registerPerson(api, 'p-1');
    await given(api, '/posts/cd-trust/appointments', { personId: 'p-1', kind: 'substantive', effectiveFrom: '2016-01-01' });
    await given(api, '/posts/cd-trust/retitle', { title: 'Clinical director', effectiveFrom: '2017-01-01' });
    await given(api, '/organisations/trust/units/div-trust/rename', { name: 'Medicine', effectiveFrom: '2018-01-01' });
    await establishUnit(api, 'brookfield', 'community-nursing', { kind: 'service', effectiveFrom: '2016-04-01' });
    const transfer = await send(api, '/boundary-changes/service-transfers', {
      unitId: 'community-nursing',
      fromOrganisationId: 'brookfield',
      toOrganisationId: 'trust',
      toParentUnitId: 'div-trust',
      effectiveFrom: '2020-10-01',
    });
    expect(transfer.status).toBe(201);
    await draftProgramme(api, 'prog-1', [renameUnit('c1', 'brookfield', 'div-brookfield', 'Surgery', '2030-01-01')], ['brookfield', 'trust']);
    await given(api, '/programmes/prog-1/waiver', { reason: 'urgent: patient safety' });
  }

  it('puts every event on its topic, keyed by organisation, in log order per key, valid against its contract', async () => {
    await recordHistory();
    const events = await api.allEvents();
    const lagBefore = (await api.http.get('/health').expect(200)).body.info.relay;
    expect(lagBefore).toMatchObject({ status: 'up', waiting: events.length });

    if (kafka.kind !== 'mock-cluster') await publisher.ensureTopics(allTopics(topics));
    relay.start();
    const messages = await consumeAll(kafka.brokers, TOPIC_CATEGORIES.map((c) => topics[c]), { until: (all) => all.length >= events.length });

    expect(messages).toHaveLength(events.length);
    const byId = new Map(messages.map((m) => [JSON.parse(m.value!).id as string, m]));
    for (const event of events) {
      const message = byId.get(event.eventId)!;
      expect(message).toBeDefined();
      expect(message.topic).toBe(topics[TOPIC_OF_EVENT_TYPE[event.type as PublishedEventType]]);
      expect(message.headers['content-type']).toBe('application/cloudevents+json');
      const envelope = JSON.parse(message.value!);
      expect(schemas.problemWith(envelope)).toBeUndefined();
      expect(envelope).toMatchObject({ id: event.eventId, subject: event.streamId, time: event.recordedAt, data: event.data });
    }
    expect(keysOf(messages, events)).toEqual(expectedKeys(events));
    for (const list of byKey(messages).values()) {
      for (const topicList of groupByTopic(list)) {
        const positions = topicList.map((m) => BigInt(JSON.parse(m.value!).orgchangeposition));
        expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
      }
    }
    // Every category with events in this history got its messages (notifications carries no domain event).
    expect(new Set(messages.map((m) => m.topic))).toEqual(new Set([topics.restructures, topics.appointments, topics.boundaries, topics.programmes]));
    await waitFor(async () => (await relayStore.outbox.lag()).waiting === 0);
    expect((await api.http.get('/health').expect(200)).body.info.relay).toMatchObject({ waiting: 0, oldestRecordedAt: null });
  });
});

/** The key each message got, by the stream of its event. */
function keysOf(messages: readonly ConsumedMessage[], events: readonly { eventId: string; streamId: string }[]): Record<string, string[]> {
  const streamOf = new Map(events.map((e) => [e.eventId, e.streamId]));
  const keys: Record<string, Set<string>> = {};
  for (const message of messages) (keys[streamOf.get(JSON.parse(message.value!).id)!] ??= new Set()).add(message.key!);
  return Object.fromEntries(Object.entries(keys).map(([stream, set]) => [stream, [...set]]));
}

/** What docs/kafka-contracts.md promises: organisation streams by id, posts by their organisation, the programme by its lead. */
function expectedKeys(events: readonly { streamId: string }[]): Record<string, string[]> {
  const key: Record<string, string> = {
    'organisation-trust': 'trust',
    'organisation-brookfield': 'brookfield',
    'post-cd-trust': 'trust',
    'post-cd-brookfield': 'brookfield',
    'person-p-1': 'p-1',
    'programme-prog-1': 'brookfield',
  };
  return Object.fromEntries([...new Set(events.map((e) => e.streamId))].map((stream) => [stream, [key[stream]]]));
}

function groupByTopic(messages: readonly ConsumedMessage[]): ConsumedMessage[][] {
  const groups = new Map<string, ConsumedMessage[]>();
  for (const m of messages) groups.set(m.topic, [...(groups.get(m.topic) ?? []), m]);
  return [...groups.values()];
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
