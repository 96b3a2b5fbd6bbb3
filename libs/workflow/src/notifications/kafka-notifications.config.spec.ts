import { notificationsConfigFrom } from './notifications.config';

describe('Kafka notification channel configuration', () => {
  it('is off unless NOTIFY_KAFKA_BROKERS or NOTIFY_KAFKA=true says otherwise (KAFKA_BROKERS alone is the relay\'s)', () => {
    expect(notificationsConfigFrom({}).kafka).toBeUndefined();
    expect(notificationsConfigFrom({ KAFKA_BROKERS: 'k:9092' }).kafka).toBeUndefined();
  });

  it('publishes to <prefix>.notifications.v1 with the idempotent producer, creating the topic, by default', () => {
    expect(notificationsConfigFrom({ NOTIFY_KAFKA_BROKERS: 'k0:9092, k1:9092' }).kafka).toEqual({
      brokers: ['k0:9092', 'k1:9092'],
      topic: 'orgchange.notifications.v1',
      source: 'urn:orgchange:default',
      idempotent: true,
      createTopic: true,
      partitions: 6,
      replicationFactor: 3,
      clientId: 'orgchange-notifications',
    });
  });

  it("NOTIFY_KAFKA=true reuses the relay's KAFKA_BROKERS, prefix, deployment and topic settings", () => {
    const env = { NOTIFY_KAFKA: 'true', KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PREFIX: 'staging.orgchange', ORGCHANGE_DEPLOYMENT: 'nhs-east', KAFKA_PARTITIONS: '12', KAFKA_REPLICATION_FACTOR: '1' };
    expect(notificationsConfigFrom({ ...env, NOTIFY_KAFKA_IDEMPOTENT: 'false', NOTIFY_KAFKA_CREATE_TOPIC: 'false' }).kafka).toMatchObject({
      brokers: ['k:1'],
      topic: 'staging.orgchange.notifications.v1',
      source: 'urn:orgchange:nhs-east',
      idempotent: false,
      createTopic: false,
      partitions: 12,
      replicationFactor: 1,
    });
  });

  it.each([
    [{ NOTIFY_KAFKA: 'true' }, /KAFKA_BROKERS must list at least one broker/],
    [{ NOTIFY_KAFKA: 'yes' }, /NOTIFY_KAFKA must be true or false/],
    [{ NOTIFY_KAFKA_BROKERS: 'no-port' }, /NOTIFY_KAFKA_BROKERS must list brokers as host:port/],
    [{ NOTIFY_KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PREFIX: 'a b' }, /KAFKA_TOPIC_PREFIX: topic prefix "a b" may only use/],
    [{ NOTIFY_KAFKA_BROKERS: 'k:1', ORGCHANGE_DEPLOYMENT: 'x/y' }, /ORGCHANGE_DEPLOYMENT: deployment "x\/y" may only use/],
    [{ NOTIFY_KAFKA_BROKERS: 'k:1', NOTIFY_KAFKA_IDEMPOTENT: 'on' }, /NOTIFY_KAFKA_IDEMPOTENT must be true or false/],
    [{ NOTIFY_KAFKA_BROKERS: 'k:1', KAFKA_PARTITIONS: '0' }, /KAFKA_PARTITIONS must be a whole number from 1 to 10000/],
    [{ NOTIFY_KAFKA_BROKERS: 'k:1', NOTIFY_KAFKA_CLIENT_ID: 'a b' }, /NOTIFY_KAFKA_CLIENT_ID may only use/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => notificationsConfigFrom(env)).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => notificationsConfigFrom({ NOTIFY_KAFKA_BROKERS: 'nope', NOTIFY_LOG: 'maybe' })).toThrow(/NOTIFY_LOG[\s\S]*NOTIFY_KAFKA_BROKERS|NOTIFY_KAFKA_BROKERS[\s\S]*NOTIFY_LOG/);
  });
});
