import { validateRelayConfig } from './relay-config';

describe('validateRelayConfig', () => {
  it('takes the defaults and splits the broker list', () => {
    const config = validateRelayConfig({ KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092' });
    expect(config).toMatchObject({
      KAFKA_BROKERS: ['kafka-0:9092', 'kafka-1:9092'],
      KAFKA_TOPIC_PREFIX: 'orgchange',
      KAFKA_PARTITIONS: 6,
      KAFKA_REPLICATION_FACTOR: 3,
      KAFKA_IDEMPOTENT: true,
      RELAY_BATCH_SIZE: 500,
    });
  });

  it('reads numbers and booleans from their strings', () => {
    const config = validateRelayConfig({ KAFKA_BROKERS: 'k:1', KAFKA_PARTITIONS: '12', KAFKA_IDEMPOTENT: 'false', KAFKA_CREATE_TOPICS: 'false' });
    expect(config).toMatchObject({ KAFKA_PARTITIONS: 12, KAFKA_IDEMPOTENT: false, KAFKA_CREATE_TOPICS: false });
  });

  it('picks the log as the API does: SQLite by default, PostgreSQL from EVENT_STORE and DATABASE_URL', () => {
    expect(validateRelayConfig({ KAFKA_BROKERS: 'k:1', ORGCHANGE_DB: '/data/x.sqlite' }).store).toMatchObject({ kind: 'sqlite', file: '/data/x.sqlite' });
    expect(validateRelayConfig({ KAFKA_BROKERS: 'k:1', EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/orgchange' }).store).toMatchObject({
      kind: 'postgres',
      url: 'postgres://db/orgchange',
    });
  });

  it.each([
    [{ KAFKA_BROKERS: 'k:1', EVENT_STORE: 'postgres' }, /DATABASE_URL/],
    [{}, /KAFKA_BROKERS must list at least one broker/],
    [{ KAFKA_BROKERS: 'no-port' }, /KAFKA_BROKERS must list brokers as host:port/],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_PARTITIONS: '0' }, /KAFKA_PARTITIONS must be a whole number from 1 to 10000/],
    [{ KAFKA_BROKERS: 'k:1', RELAY_BATCH_SIZE: 'lots' }, /RELAY_BATCH_SIZE must be a whole number/],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_IDEMPOTENT: 'yes' }, /KAFKA_IDEMPOTENT must be true or false/],
    [{ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PREFIX: 'a b' }, /KAFKA_TOPIC_PREFIX may only use/],
  ])('refuses %p, naming the variable', (env, message) => {
    expect(() => validateRelayConfig(env)).toThrow(message);
  });
});
