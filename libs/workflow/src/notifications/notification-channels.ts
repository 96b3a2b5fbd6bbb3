import { LogChannel } from './log.channel';
import type { NotificationChannel } from './notification-channel.port';
import type { NotificationsConfig } from './notifications.config';
import { WebhookChannel } from './webhook.channel';

/** The channels the configuration asks for. A Kafka channel (issue 7) joins here as one more {@link NotificationChannel}. */
export function configuredChannels(config: NotificationsConfig, log: (line: string) => void): NotificationChannel[] {
  return [
    ...(config.webhookUrl ? [new WebhookChannel({ url: config.webhookUrl, timeoutMs: config.webhookTimeoutMs })] : []),
    ...(config.log ? [new LogChannel(log)] : []),
  ];
}
