import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { InvalidEnvelopeError, parseCloudEvent } from './cloud-event';
import type { LeadersStore } from './leaders-store';

export const REPLAY_HEADER = 'orgchange-replay';

export type LeadersConsumerOptions = {
  brokers: string[];
  groupId: string;
  topics: string[];
  store: LeadersStore;
  clientId?: string;
  /** Told of every message that could not be applied (it is recorded in the store and skipped). */
  onRejected?: (reason: string, where: string) => void;
};

/**
 * A kafkajs consumer group member feeding the store. Kafka offsets are committed after the store's
 * transaction, so a crash in between redelivers messages that the store then recognises by id.
 * Messages of one key arrive in order because one partition is handled one message at a time.
 */
export class LeadersConsumer {
  private readonly consumer: Consumer;

  constructor(private readonly options: LeadersConsumerOptions) {
    const kafka = new Kafka({ clientId: options.clientId ?? 'downstream-leaders', brokers: options.brokers, logLevel: logLevel.WARN });
    this.consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 250 });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ topic, partition, message }) => this.handle(topic, partition, message) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private handle(topic: string, partition: number, message: KafkaMessage): void {
    const origin = {
      topic,
      partition,
      offset: message.offset,
      key: message.key?.toString('utf8') ?? null,
      replay: message.headers?.[REPLAY_HEADER]?.toString() === 'true',
    };
    try {
      this.options.store.apply(parseCloudEvent(message.value), origin);
    } catch (error) {
      const reason = error instanceof InvalidEnvelopeError ? `invalid envelope: ${error.message}` : (error as Error).message;
      this.options.store.reject(origin, reason);
      this.options.onRejected?.(reason, `${topic}[${partition}]@${message.offset}`);
    }
  }
}
