import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { ContractSchemas, errorText, KafkaPublisher, MessageFactory, OrganisationKeys, OutboxRelay, sourceOf, topicNames } from '@orgchange/messaging';
import type { RelayConfig } from './relay-config';
import { RelayHealthServer } from './relay-health.server';
import { RelayService } from './relay.service';

/** Outbox → Kafka: the relay over the SQLite store the API writes, with its health and metrics port. */
@Module({})
export class RelayModule {
  static forRoot(config: RelayConfig): DynamicModule {
    // synchronous=NORMAL on the relay's own connection only: its writes are outbox deletes, and losing the last
    // ones to a power cut only publishes those events again (consumers dedupe). The API's appends stay FULL.
    const store = new SqliteEventStore({ file: config.ORGCHANGE_DB, upcast: chainUpcasters(eventUpcasters), synchronous: 'NORMAL' });
    const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
    const publisher = new KafkaPublisher({
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID,
      idempotent: config.KAFKA_IDEMPOTENT,
      partitions: config.KAFKA_PARTITIONS,
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    });
    const factory = new MessageFactory({ topics, source: sourceOf(config.ORGCHANGE_DEPLOYMENT), schemas: new ContractSchemas(), keys: new OrganisationKeys(store) });
    const logger = new Logger('relay');
    const relay = new OutboxRelay(store.outbox, factory, publisher, {
      deadLetterTopic: topics.deadLetter,
      batchSize: config.RELAY_BATCH_SIZE,
      pollIntervalMs: config.RELAY_POLL_INTERVAL_MS,
      maxAttempts: config.RELAY_MAX_ATTEMPTS,
      onError: (error) => logger.warn(`publishing failed, retrying with backoff: ${errorText(error)}`),
    });
    const service = new RelayService(relay, publisher, store.outbox, topics, { createTopics: config.KAFKA_CREATE_TOPICS, close: () => store.close() });
    return {
      module: RelayModule,
      providers: [
        { provide: RelayService, useValue: service },
        { provide: RelayHealthServer, useValue: new RelayHealthServer(service, config.RELAY_HEALTH_PORT) },
      ],
    };
  }
}
