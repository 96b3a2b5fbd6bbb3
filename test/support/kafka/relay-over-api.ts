import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { ContractSchemas, KafkaPublisher, MessageFactory, OrganisationKeys, OutboxRelay, type OutboxRelayOptions, type TopicNames } from '@orgchange/messaging';
import type { ApiHarness } from '../api-harness';

type PublisherSettings = ConstructorParameters<typeof KafkaPublisher>[0];

export type RelayOverApi = Readonly<{
  /** The relay's own connection to the API's file, as the relay process has (its outbox, its lag). */
  relayStore: SqliteEventStore;
  publisher: KafkaPublisher;
  relay: OutboxRelay;
}>;

/**
 * The Kafka relay as the relay app wires it, over a started API's SQLite file: its own store connection, a
 * publisher, the message factory (checked-in schemas, organisation keys) and the outbox relay. Tests choose the
 * publisher's settings (brokers, idempotence, timeouts) and the relay's (batch size, backoff); they stop the relay,
 * then close the publisher and the connection.
 */
export function startRelayOverApi(
  api: ApiHarness,
  options: Readonly<{ topics: TopicNames; source: string; publisher: PublisherSettings; relay?: Omit<OutboxRelayOptions, 'deadLetterTopic'> }>,
): RelayOverApi {
  const relayStore = new SqliteEventStore({ file: api.database.file, upcast: chainUpcasters(eventUpcasters) });
  const publisher = new KafkaPublisher(options.publisher);
  const factory = new MessageFactory({ topics: options.topics, source: options.source, schemas: new ContractSchemas(), keys: new OrganisationKeys(relayStore) });
  const relay = new OutboxRelay(relayStore.outbox, factory, publisher, { deadLetterTopic: options.topics.deadLetter, ...options.relay });
  return { relayStore, publisher, relay };
}
