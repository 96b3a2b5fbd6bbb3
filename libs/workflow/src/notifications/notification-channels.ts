import { KafkaChannel } from './kafka.channel';
import { LogChannel } from './log.channel';
import type { NotificationChannel } from './notification-channel.port';
import type { NotificationsConfig } from './notifications.config';
import { WebhookChannel } from './webhook.channel';

/** The channels the configuration asks for. */
export function configuredChannels(config: NotificationsConfig, log: (line: string) => void): NotificationChannel[] {
  return [
    ...(config.webhookUrl ? [new WebhookChannel({ url: config.webhookUrl, timeoutMs: config.webhookTimeoutMs })] : []),
    ...(config.log ? [new LogChannel(log)] : []),
    ...(config.kafka ? [kafkaChannel(config.kafka)] : []),
  ];
}

function kafkaChannel(config: NonNullable<NotificationsConfig['kafka']>): KafkaChannel {
  const { brokers, clientId, idempotent, partitions, replicationFactor, topic, source, createTopic } = config;
  return new KafkaChannel({ kafka: { brokers, clientId, idempotent, partitions, replicationFactor }, topic, source, createTopic });
}
