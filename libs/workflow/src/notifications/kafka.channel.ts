import { ContractSchemas, errorText, isMessageRejection, KafkaPublisher, type KafkaSettings } from '@orgchange/messaging';
import { notificationMessage } from './kafka-notification-message';
import type { NotificationChannel } from './notification-channel.port';
import { PermanentDeliveryError } from './notification-channel.port';
import type { Notification } from './notification.types';

export type KafkaChannelOptions = Readonly<{
  /** kafkajs settings: brokers, client id, idempotent producer, partitions and replication of a created topic. */
  kafka: KafkaSettings;
  /** `<prefix>.notifications.v1`. */
  topic: string;
  /** CloudEvents `source`, `urn:orgchange:<deployment>`. */
  source: string;
  /** Create the topic on first use when it is missing (off for clusters where only admins create topics). */
  createTopic: boolean;
  /** The contracts each message is checked against before it is sent; loaded from libs/messaging/schemas by default. */
  schemas?: ContractSchemas;
  name?: string;
  now?: () => Date;
}>;

/**
 * Publishes each notification to the notifications topic with acks -1 (idempotent producer when configured),
 * keyed by the recipient's organisation. `deliver` resolves only after the broker acknowledged the message,
 * so the relay marks it delivered only then; any other outcome rejects and the relay's retry policy applies.
 * A message that breaks its contract, or that the broker refuses for itself (e.g. too large), is a
 * {@link PermanentDeliveryError}: sending it again cannot succeed.
 */
export class KafkaChannel implements NotificationChannel {
  readonly name: string;
  private readonly publisher: KafkaPublisher;
  private readonly schemas: ContractSchemas;
  private readonly now: () => Date;
  private topicReady?: Promise<void>;

  constructor(private readonly options: KafkaChannelOptions) {
    this.name = options.name ?? 'kafka';
    this.publisher = new KafkaPublisher(options.kafka);
    this.schemas = options.schemas ?? new ContractSchemas();
    this.now = options.now ?? (() => new Date());
  }

  async deliver(notification: Notification): Promise<void> {
    const message = notificationMessage(notification, { topic: this.options.topic, source: this.options.source, now: this.now() });
    const problem = this.schemas.problemWith(JSON.parse(message.value) as Record<string, unknown>);
    if (problem) throw new PermanentDeliveryError(`notification ${notification.notificationId} breaks its contract: ${problem}`);
    try {
      await this.ensureTopic();
      await this.publisher.send([message]);
    } catch (error) {
      const text = errorText(error);
      throw isMessageRejection(error) ? new PermanentDeliveryError(text) : new Error(text);
    }
  }

  async close(): Promise<void> {
    await this.publisher.close();
  }

  /** Once per channel; a failure is forgotten so the next try asks the broker again. */
  private ensureTopic(): Promise<void> {
    if (!this.options.createTopic) return Promise.resolve();
    this.topicReady ??= this.publisher.ensureTopics([this.options.topic]).then(
      () => undefined,
      (error: unknown) => {
        this.topicReady = undefined;
        throw error;
      },
    );
    return this.topicReady;
  }
}
