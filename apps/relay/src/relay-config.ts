import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsInt, Matches, Max, Min } from 'class-validator';
import { ServiceEnvironment, type StoreConfig, storeConfigFrom, validateEnvironment } from '@orgchange/event-store';

const wholeNumber = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return [Type(() => Number), IsInt({ message }), Min(min, { message }), Max(max, { message })];
};
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Environment the relay reads at start-up (see docs/kafka-contracts.md); the database defaults to the API's. */
export class RelayConfig extends ServiceEnvironment {
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((b) => b.trim()).filter(Boolean) : value))
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one broker as host:port[,host:port…]' })
  @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'KAFKA_BROKERS must list brokers as host:port[,host:port…]' })
  KAFKA_BROKERS: string[] = [];

  @Matches(/^[A-Za-z0-9._-]+$/, { message: "KAFKA_CLIENT_ID may only use letters, digits, '.', '_' and '-'" })
  KAFKA_CLIENT_ID = 'orgchange-relay';

  @Matches(/^[A-Za-z0-9._-]+$/, { message: "KAFKA_TOPIC_PREFIX may only use letters, digits, '.', '_' and '-'" })
  KAFKA_TOPIC_PREFIX = 'orgchange';

  @apply(wholeNumber('KAFKA_PARTITIONS', 1, 10_000))
  KAFKA_PARTITIONS = 6;

  @apply(wholeNumber('KAFKA_REPLICATION_FACTOR', 1, 100))
  KAFKA_REPLICATION_FACTOR = 3;

  @Transform(toBoolean)
  @IsBoolean({ message: 'KAFKA_IDEMPOTENT must be true or false' })
  KAFKA_IDEMPOTENT = true;

  @Transform(toBoolean)
  @IsBoolean({ message: 'KAFKA_CREATE_TOPICS must be true or false' })
  KAFKA_CREATE_TOPICS = true;

  @apply(wholeNumber('RELAY_BATCH_SIZE', 1, 10_000))
  RELAY_BATCH_SIZE = 500;

  @apply(wholeNumber('RELAY_POLL_INTERVAL_MS', 1, 60_000))
  RELAY_POLL_INTERVAL_MS = 20;

  @apply(wholeNumber('RELAY_MAX_ATTEMPTS', 1, 1_000))
  RELAY_MAX_ATTEMPTS = 3;

  @apply(wholeNumber('RELAY_HEALTH_PORT', 0, 65_535))
  RELAY_HEALTH_PORT = 9464;

  @Matches(/^[A-Za-z0-9._-]+$/, { message: "ORGCHANGE_DEPLOYMENT may only use letters, digits, '.', '_' and '-'" })
  ORGCHANGE_DEPLOYMENT = 'default';

  /** The event log the relay drains: EVENT_STORE (sqlite, the default, or postgres) and its variables. */
  store: StoreConfig;
}

/** Validates the environment, failing start-up with every problem named. */
export function validateRelayConfig(env: Record<string, unknown>): RelayConfig {
  const config = validateEnvironment(RelayConfig, env);
  // The log is chosen as the API's is (EVENT_STORE, DATABASE_URL, …: docs/operations.md).
  config.store = storeConfigFrom(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => [name, String(value)])));
  return config;
}
