import type { SqliteEventStore } from '@orgchange/event-store';
import { KafkaPublisher, OutboxRelay, topicNames } from '@orgchange/messaging';
import { startApi, type ApiHarness } from './support/api-harness';
import { startRelayOverApi } from './support/kafka/relay-over-api';
import { establishOrganisation, establishUnit, send } from './support/fixtures';
import { byKey, consumeAll, type ConsumedMessage } from './support/kafka/consume-all';
import { startMockCluster, type MockCluster } from './support/kafka/mock-cluster';
import { externalBrokers } from './support/kafka/test-kafka';

jest.setTimeout(180_000);

const ORGANISATIONS = ['org-a', 'org-b', 'org-c', 'org-d', 'org-e'];
const APPENDS = 1_000;

/**
 * Issue 7: the broker goes away while the API takes 1,000 commands, then comes back. The broker is the
 * librdkafka mock cluster, frozen with SIGSTOP (it accepts connections but answers nothing, as a hung or
 * partitioned broker does) and thawed with SIGCONT, so it returns on the same ports. A cluster given by
 * KAFKA_BROKERS cannot be stopped from here, so this suite runs only against the mock cluster.
 */
const describeWithOwnBroker = externalBrokers() ? describe.skip : describe;

describeWithOwnBroker('broker down during 1,000 appends, then up', () => {
  let cluster: MockCluster;
  let api: ApiHarness;
  let relayStore: SqliteEventStore;
  let publisher: KafkaPublisher;
  let relay: OutboxRelay;
  const topics = topicNames('outage');

  beforeAll(async () => {
    cluster = await startMockCluster();
    api = await startApi();
    ({ relayStore, publisher, relay } = startRelayOverApi(api, {
      topics,
      source: 'urn:orgchange:e2e',
      publisher: { brokers: cluster.brokers, clientId: 'outage-relay', idempotent: false, partitions: 3, replicationFactor: 1, requestTimeoutMs: 1_000, connectionTimeoutMs: 500 },
      relay: { batchSize: 100, backoff: { initialMs: 50, maxMs: 500 }, drainTimeoutMs: 0 },
    }));
  });
  afterAll(async () => {
    if (cluster) process.kill(cluster.pid, 'SIGCONT');
    await relay?.stop();
    await publisher?.close();
    await relayStore?.close();
    await api?.close();
    await cluster?.stop();
  });

  it('keeps accepting commands, then delivers every event with none missing and order kept per key', async () => {
    for (const organisationId of ORGANISATIONS) {
      await establishOrganisation(api, organisationId);
      await establishUnit(api, organisationId, 'div-1');
    }
    relay.start();
    await waitFor(async () => (await relayStore.outbox.lag()).waiting === 0);

    process.kill(cluster.pid, 'SIGSTOP');
    for (let i = 0; i < APPENDS; i += 1) {
      const organisationId = ORGANISATIONS[i % ORGANISATIONS.length];
      const res = await send(api, `/organisations/${organisationId}/units/div-1/rename`, { name: `Division ${i}`, effectiveFrom: '2020-01-01' });
      expect(res.status).toBe(201);
    }
    const during = await relayStore.outbox.lag();
    expect(during.waiting).toBeGreaterThanOrEqual(APPENDS - 100);
    // On a quiet machine the 1,000 appends can finish before the first produce request times out (1 s), so
    // the relay's failure is awaited rather than expected to have happened already.
    await waitFor(async () => relay.status.snapshot().failures > 0, 10_000);
    expect(relay.status.snapshot().failures).toBeGreaterThan(0);

    process.kill(cluster.pid, 'SIGCONT');
    const events = await api.allEvents();
    const messages = await consumeAll(cluster.brokers, [topics.restructures], {
      until: (all) => new Set(all.map(idOf)).size >= events.length,
      timeoutMs: 120_000,
    });

    expect(new Set(messages.map(idOf))).toEqual(new Set(events.map((e) => e.eventId)));
    for (const [key, list] of byKey(messages)) {
      const firstSeen = dedupe(list).map((m) => BigInt(JSON.parse(m.value!).orgchangeposition));
      const logOrder = events.filter((e) => e.streamId === `organisation-${key}`).map((e) => e.globalPosition);
      expect(firstSeen).toEqual(logOrder);
    }
    await waitFor(async () => (await relayStore.outbox.lag()).waiting === 0);
    expect(relay.status.snapshot().state).toBe('running');
  });
});

const idOf = (message: ConsumedMessage): string => JSON.parse(message.value!).id;

/** What a consumer that dedupes on id sees: each id at its first offset. */
function dedupe(messages: readonly ConsumedMessage[]): ConsumedMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => !seen.has(idOf(m)) && seen.add(idOf(m)) !== undefined);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
