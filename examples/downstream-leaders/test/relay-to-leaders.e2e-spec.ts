import type { SqliteEventStore } from '@orgchange/event-store';
import { KafkaPublisher, OutboxRelay, TOPIC_CATEGORIES, topicNames } from '@orgchange/messaging';
import { randomUUID } from 'node:crypto';
import { startApi, type ApiHarness } from '../../../test/support/api-harness';
import { startRelayOverApi } from '../../../test/support/kafka/relay-over-api';
import { createPost, establishOrganisation, establishUnit, given, registerPerson } from '../../../test/support/fixtures';
import { startTestKafka, type TestKafka } from '../../../test/support/kafka/test-kafka';
import { LeadersConsumer } from '../src/leaders-consumer';
import { LeadersStore } from '../src/leaders-store';
import { HANDLED_TYPES } from '../src/organisation-leaders';
import { waitFor } from './orgchange-messages';

jest.setTimeout(120_000);

/**
 * The example against the real publishing side: commands through the API → store and outbox → orgchange's
 * relay (idempotent producer) → the test broker (or KAFKA_BROKERS) → the example's consumer group → its view.
 * Checks that the example reads what the relay really sends, not only hand-made envelopes.
 */
describe('API → relay → Kafka → downstream-leaders', () => {
  let kafka: TestKafka;
  let api: ApiHarness;
  let relayStore: SqliteEventStore;
  let publisher: KafkaPublisher;
  let relay: OutboxRelay;
  const prefix = `leaders-e2e-${randomUUID().slice(0, 8)}`;
  const topics = topicNames(prefix);

  beforeAll(async () => {
    kafka = await startTestKafka({ features: 'full' });
    api = await startApi();
    ({ relayStore, publisher, relay } = startRelayOverApi(api, {
      topics,
      source: 'urn:orgchange:leaders-e2e',
      publisher: { brokers: kafka.brokers, clientId: 'leaders-e2e-relay', idempotent: true, partitions: 3, replicationFactor: 1 },
      relay: { batchSize: 25 },
    }));
    await publisher.ensureTopics(TOPIC_CATEGORIES.map((category) => topics[category]).concat(topics.deadLetter));
  });
  afterAll(async () => {
    await relay?.stop();
    await publisher?.close();
    await relayStore?.close();
    await api?.close();
    await kafka?.stop();
  });

  it('builds the leaders of each organisation from what the relay publishes', async () => {
    for (const organisationId of ['northvale', 'brookfield']) {
      await establishOrganisation(api, organisationId);
      await establishUnit(api, organisationId, `div-${organisationId}`);
      await createPost(api, `cd-${organisationId}`, organisationId, `div-${organisationId}`);
    }
    for (const personId of ['p-1', 'p-2', 'p-3']) await registerPerson(api, personId);
    await given(api, '/posts/cd-northvale/appointments', { appointmentId: 'a-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2016-01-01' });
    await given(api, '/posts/cd-northvale/appointments/a-1/end', { endReason: 'resigned', effectiveFrom: '2020-01-01' });
    await given(api, '/posts/cd-northvale/appointments', { appointmentId: 'a-2', personId: 'p-2', kind: 'interim', effectiveFrom: '2020-01-01' });
    await given(api, '/posts/cd-brookfield/appointments', { appointmentId: 'a-3', personId: 'p-3', kind: 'substantive', effectiveFrom: '2018-06-01' });
    const events = await api.allEvents();
    const handled = events.filter((e) => HANDLED_TYPES[e.type] !== undefined && !e.streamId.startsWith('person-')).length;

    relay.start();
    const store = new LeadersStore(':memory:');
    const consumer = new LeadersConsumer({ brokers: kafka.brokers, groupId: `${prefix}-leaders`, topics: [topics.appointments, topics.restructures], store });
    await consumer.start();
    try {
      await waitFor(() => store.stats().applied === handled && store.stats().ignored === events.length - handled, () => `${JSON.stringify(store.stats())}, expected ${handled} applied of ${events.length}`);
    } finally {
      await consumer.stop();
    }

    expect(store.stats()).toMatchObject({ duplicates: 0, rejected: 0, outOfOrder: 0 });
    expect(store.organisation('northvale')?.name).toBe('Organisation northvale');
    const holders = (organisationId: string, asOf: string) => store.leaders(organisationId, asOf)!.flatMap((post) => post.holders.map((h) => h.personId));
    expect(holders('northvale', '2019-12-31')).toEqual(['p-1']);
    expect(holders('northvale', '2020-01-01')).toEqual(['p-2']);
    expect(holders('brookfield', '2018-05-31')).toEqual([]);
    expect(holders('brookfield', '2018-06-01')).toEqual(['p-3']);
    store.close();
  });
});
