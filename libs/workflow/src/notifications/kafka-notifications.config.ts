import { sourceOf, topicNames } from '@orgchange/messaging';

/** Where the Kafka notification channel publishes, from the environment; absent when no broker is named. */
export type KafkaNotificationsConfig = Readonly<{
  /** `NOTIFY_KAFKA_BROKERS` (host:port, comma-separated), or `KAFKA_BROKERS` when `NOTIFY_KAFKA=true`. */
  brokers: readonly string[];
  /** `<KAFKA_TOPIC_PREFIX>.notifications.v1` (prefix `orgchange` by default). */
  topic: string;
  /** `urn:orgchange:<ORGCHANGE_DEPLOYMENT>` (`default`), the CloudEvents source. */
  source: string;
  /** `NOTIFY_KAFKA_IDEMPOTENT` (true): the idempotent producer; false for brokers without InitProducerId. */
  idempotent: boolean;
  /** `NOTIFY_KAFKA_CREATE_TOPIC` (true): create the topic when missing, with `KAFKA_PARTITIONS` (6) and `KAFKA_REPLICATION_FACTOR` (3). */
  createTopic: boolean;
  partitions: number;
  replicationFactor: number;
  /** `NOTIFY_KAFKA_CLIENT_ID` (`orgchange-notifications`). */
  clientId: string;
}>;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the Kafka channel's settings, adding one line per bad variable to `problems`; undefined when Kafka is off. */
export function kafkaNotificationsConfigFrom(env: Env, problems: string[]): KafkaNotificationsConfig | undefined {
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false`);
    return raw === 'true';
  };
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be a whole number from ${min} to ${max}`);
    return fallback;
  };
  const reuseRelayBrokers = flag('NOTIFY_KAFKA', false);
  const own = env.NOTIFY_KAFKA_BROKERS?.trim();
  if (!own && !reuseRelayBrokers) return undefined;
  const name = own ? 'NOTIFY_KAFKA_BROKERS' : 'KAFKA_BROKERS';
  const brokers = (own || env.KAFKA_BROKERS || '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) problems.push(`${name} must list at least one broker (NOTIFY_KAFKA=true publishes notifications to KAFKA_BROKERS)`);
  else if (brokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) problems.push(`${name} must list brokers as host:port, comma-separated`);
  const clientId = env.NOTIFY_KAFKA_CLIENT_ID || 'orgchange-notifications';
  if (!/^[A-Za-z0-9._-]+$/.test(clientId)) problems.push("NOTIFY_KAFKA_CLIENT_ID may only use letters, digits, '.', '_' and '-'");
  return {
    brokers,
    topic: attempt(() => topicNames(env.KAFKA_TOPIC_PREFIX || undefined).notifications, 'KAFKA_TOPIC_PREFIX', problems),
    source: attempt(() => sourceOf(env.ORGCHANGE_DEPLOYMENT || 'default'), 'ORGCHANGE_DEPLOYMENT', problems),
    idempotent: flag('NOTIFY_KAFKA_IDEMPOTENT', true),
    createTopic: flag('NOTIFY_KAFKA_CREATE_TOPIC', true),
    partitions: whole('KAFKA_PARTITIONS', 6, 1, 10_000),
    replicationFactor: whole('KAFKA_REPLICATION_FACTOR', 3, 1, 100),
    clientId,
  };
}

/** The value `read` gives, or '' with its error (which names the rule) added to `problems` under `name`. */
function attempt(read: () => string, name: string, problems: string[]): string {
  try {
    return read();
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}`);
    return '';
  }
}
