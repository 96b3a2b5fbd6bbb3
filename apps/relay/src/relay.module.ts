import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, type EventStore, openLog, type Outbox, SqliteEventStore } from '@orgchange/event-store';
import { ContractSchemas, errorText, KafkaPublisher, MessageFactory, OrganisationKeys, OutboxRelay, sourceOf, topicNames } from '@orgchange/messaging';
import type { RelayConfig } from './relay-config';
import { RelayHealthServer } from './relay-health.server';
import { RelayService } from './relay.service';

/** The log with the outbox the relay drains. */
export type RelayLog = EventStore & { outbox: Outbox };

/**
 * Opens the configured log. On SQLite the relay's own connection writes with synchronous=NORMAL: its writes
 * are outbox deletes, and losing the last ones to a power cut only publishes those events again (consumers
 * dedupe); the API's appends stay FULL. KurrentDB has no outbox, so the relay refuses it.
 */
export async function openRelayLog(config: RelayConfig): Promise<RelayLog> {
  const upcast = chainUpcasters(eventUpcasters);
  const log = config.store.kind === 'sqlite' ? new SqliteEventStore({ file: config.store.file, upcast, synchronous: 'NORMAL' }) : await openLog(config.store, upcast);
  if (!log.outbox) {
    await log.close();
    throw new Error(`EVENT_STORE=${config.store.kind} keeps no outbox: the Kafka relay needs sqlite or postgres`);
  }
  return log as RelayLog;
}

/** Outbox → Kafka: the relay over the configured log, with its health and metrics port. */
@Module({})
export class RelayModule {
  static forRoot(config: RelayConfig, store: RelayLog): DynamicModule {
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
