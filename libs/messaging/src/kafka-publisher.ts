import { type Admin, CompressionTypes, Kafka, logLevel, type Producer, type TopicMessages } from 'kafkajs';
import type { OutgoingMessage } from './kafka-message';

/** How the relay talks to Kafka. */
export type KafkaSettings = Readonly<{
  brokers: readonly string[];
  clientId: string;
  /** Idempotent producer (InitProducerId): no duplicates or reordering from the producer's own retries. */
  idempotent: boolean;
  /** Partitions and replication factor of topics created at start-up. */
  partitions: number;
  replicationFactor: number;
  /** Per-request timeout; also bounds how long one failed send takes before the relay backs off. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
}>;

/**
 * One kafkajs producer (acks -1, optionally idempotent) and the admin client that creates topics.
 * kafkajs retries a failed request a few times itself; past that the error reaches the relay, which
 * backs off and tries again for as long as the broker is down.
 */
export class KafkaPublisher {
  private readonly kafka: Kafka;
  private producer?: Producer;

  constructor(private readonly settings: KafkaSettings) {
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: [...settings.brokers],
      logLevel: logLevel.NOTHING,
      requestTimeout: settings.requestTimeoutMs ?? 10_000,
      connectionTimeout: settings.connectionTimeoutMs ?? 3_000,
      retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
    });
  }

  /** Connects the producer (a new one after a failure, so an idempotent producer gets a fresh id). */
  async connect(): Promise<void> {
    if (this.producer) return;
    const producer = this.kafka.producer({
      idempotent: this.settings.idempotent,
      // One request in flight: the next batch is sent only after the previous one was acknowledged.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    this.producer = producer;
  }

  /** Creates whichever of `topics` do not exist yet, and waits for their partitions to have leaders. */
  async ensureTopics(topics: readonly string[]): Promise<string[]> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: this.settings.partitions, replicationFactor: this.settings.replicationFactor })),
        });
      }
      return missing;
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Sends `messages` in one produce request with acks -1 and resolves once every partition leader
   * acknowledged them with its in-sync replicas. Messages of one topic keep their order.
   */
  async send(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    const byTopic = new Map<string, TopicMessages>();
    for (const { topic, key, value, headers } of messages) {
      let entry = byTopic.get(topic);
      if (!entry) byTopic.set(topic, (entry = { topic, messages: [] }));
      entry.messages.push({ key, value, headers });
    }
    try {
      await this.producer!.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: [...byTopic.values()] });
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  /** Drops the producer after a failure; the next send connects a new one. */
  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.reset();
  }
}
