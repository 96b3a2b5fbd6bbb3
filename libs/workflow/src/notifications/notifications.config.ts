import { type KafkaNotificationsConfig, kafkaNotificationsConfigFrom } from './kafka-notifications.config';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** Where and how notifications are delivered, from the environment (see the README's Notifications section). */
export type NotificationsConfig = Readonly<{
  /** `NOTIFY_WEBHOOK_URL`: POST each notification here; no webhook channel when unset. */
  webhookUrl?: string;
  /** `NOTIFY_WEBHOOK_TIMEOUT_MS` (10000): one try's time limit. */
  webhookTimeoutMs: number;
  /** `NOTIFY_LOG` (true): also write each notification to the log. */
  log: boolean;
  /** `NOTIFY_MAX_ATTEMPTS` (8), `NOTIFY_BACKOFF_MS` (500), `NOTIFY_BACKOFF_CAP_MS` (60000). */
  retry: RetryPolicy;
  /** `NOTIFY_CONCURRENCY` (8): notifications in flight per channel. */
  concurrency: number;
  /** `NOTIFY_KAFKA_BROKERS` or `NOTIFY_KAFKA=true`: also publish each notification to Kafka (see {@link KafkaNotificationsConfig}). */
  kafka?: KafkaNotificationsConfig;
}>;

/** Reads the configuration, throwing one error that names every bad variable. */
export function notificationsConfigFrom(env: Readonly<Record<string, string | undefined>>): NotificationsConfig {
  const problems: string[] = [];
  const whole = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min) return value;
    problems.push(`${name} must be a whole number of at least ${min}`);
    return fallback;
  };
  const webhookUrl = env.NOTIFY_WEBHOOK_URL || undefined;
  if (webhookUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(webhookUrl)) problems.push('NOTIFY_WEBHOOK_URL must be an http or https URL');
  const log = env.NOTIFY_LOG ?? 'true';
  if (log !== 'true' && log !== 'false') problems.push('NOTIFY_LOG must be true or false');
  const config: NotificationsConfig = {
    webhookUrl,
    webhookTimeoutMs: whole('NOTIFY_WEBHOOK_TIMEOUT_MS', 10_000, 1),
    log: log !== 'false',
    retry: {
      maxAttempts: whole('NOTIFY_MAX_ATTEMPTS', DEFAULT_RETRY_POLICY.maxAttempts, 1),
      initialDelayMs: whole('NOTIFY_BACKOFF_MS', DEFAULT_RETRY_POLICY.initialDelayMs, 0),
      maxDelayMs: whole('NOTIFY_BACKOFF_CAP_MS', DEFAULT_RETRY_POLICY.maxDelayMs, 0),
    },
    concurrency: whole('NOTIFY_CONCURRENCY', 8, 1),
    kafka: kafkaNotificationsConfigFrom(env, problems),
  };
  if (problems.length > 0) throw new Error(`invalid notifications configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
