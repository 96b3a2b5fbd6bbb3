import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { openLog, SqliteEventStore, storeConfigFrom, type NewEvent } from '@orgchange/event-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../libs/event-store/src/postgres/postgres-test-schemas';
import { randomUUID } from 'node:crypto';
import { validateRelayConfig } from '../apps/relay/src/relay-config';
import { RelayHealthServer } from '../apps/relay/src/relay-health.server';
import { openRelayLog, RelayModule } from '../apps/relay/src/relay.module';
import { tempDatabase, type TempDatabase } from './support/api-harness';
import { consumeAll } from './support/kafka/consume-all';
import { startTestKafka, type TestKafka } from './support/kafka/test-kafka';

jest.setTimeout(60_000);

const renamed = (seq: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'OrganisationRenamed',
  version: 1,
  data: { organisationId: 'trust', name: `Trust ${seq}`, effectiveFrom: '2020-01-01' },
  metadata: { actor: 'test', correlationId: randomUUID() },
});

/** apps/relay as deployed (Nest context, config from the environment), on the test broker. */
describe('the relay application', () => {
  let kafka: TestKafka;
  let database: TempDatabase;
  let api: SqliteEventStore;
  let app: INestApplicationContext | undefined;
  const prefix = `app-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    kafka = await startTestKafka({ features: 'full' });
    database = tempDatabase();
    api = new SqliteEventStore({ file: database.file });
  });
  afterAll(async () => {
    await app?.close();
    await api?.close();
    database?.remove();
    await kafka?.stop();
  });

  it('creates its topics, publishes what the API appends, reports lag on /health and /metrics, and flushes on shutdown', async () => {
    for (let i = 0; i < 5; i += 1) await api.append('organisation-trust', [renamed(i)], { expectedVersion: 'any' });
    const config = validateRelayConfig({
      ORGCHANGE_DB: database.file,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_REPLICATION_FACTOR: '1',
      KAFKA_PARTITIONS: '2',
      KAFKA_IDEMPOTENT: String(kafka.kind !== 'mock-cluster'),
      KAFKA_CREATE_TOPICS: String(kafka.kind !== 'mock-cluster'),
      RELAY_HEALTH_PORT: '0',
    });
    app = await NestFactory.createApplicationContext(RelayModule.forRoot(config, await openRelayLog(config)), { logger: false });
    const base = `http://127.0.0.1:${app.get(RelayHealthServer).address()}`;

    await consumeAll(kafka.brokers, [`${prefix}.restructures.v1`], { until: (all) => all.length >= 5 });
    const health = await waitForJson(`${base}/health`, (body) => body.lag.waiting === 0 && body.relay.published === 5);
    expect(health).toMatchObject({ status: 'up', lag: { waiting: 0, oldestRecordedAt: null }, relay: { state: 'running', published: 5, deadLettered: 0 } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^orgchange_relay_outbox_waiting 0$/m);
    expect(metrics).toMatch(/^orgchange_relay_published_total 5$/m);
    expect((await fetch(`${base}/nope`)).status).toBe(404);

    for (let i = 5; i < 10; i += 1) await api.append('organisation-trust', [renamed(i)], { expectedVersion: 'any' });
    await app.close();
    app = undefined;

    expect((await api.outbox.lag()).waiting).toBe(0);
    const all = await consumeAll(kafka.brokers, [`${prefix}.restructures.v1`], { until: (messages) => messages.length >= 10 });
    expect(all.map((m) => JSON.parse(m.value!).data.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Trust ${i}`));
  });
});

async function waitForJson(url: string, ready: (body: any) => boolean, timeoutMs = 10_000): Promise<any> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const body = await (await fetch(url)).json();
    if (ready(body)) return body;
    if (Date.now() > deadline) throw new Error(`${url} never became ready: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The same relay on a PostgreSQL log (DATABASE_URL, else the local server), whose outbox the append function fills. */
describe('the relay application on PostgreSQL', () => {
  let kafka: TestKafka;
  const schema = freshSchemaName('oc_relay');
  const prefix = `pg-${randomUUID().slice(0, 8)}`;
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };

  beforeAll(async () => {
    kafka = await startTestKafka({ features: 'full' });
  });
  afterAll(async () => {
    await kafka?.stop();
    await dropSchema(schema);
  });

  it('publishes what is appended to the PostgreSQL log and empties its outbox', async () => {
    const api = await openLog(storeConfigFrom(env));
    let app: INestApplicationContext | undefined;
    try {
      for (let i = 0; i < 5; i += 1) await api.append('organisation-trust', [renamed(i)], { expectedVersion: 'any' });
      const config = validateRelayConfig({
        ...env,
        KAFKA_BROKERS: kafka.brokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_REPLICATION_FACTOR: '1',
        KAFKA_IDEMPOTENT: String(kafka.kind !== 'mock-cluster'),
        KAFKA_CREATE_TOPICS: String(kafka.kind !== 'mock-cluster'),
        RELAY_HEALTH_PORT: '0',
      });
      app = await NestFactory.createApplicationContext(RelayModule.forRoot(config, await openRelayLog(config)), { logger: false });

      const messages = await consumeAll(kafka.brokers, [`${prefix}.restructures.v1`], { until: (all) => all.length >= 5 });

      expect(messages.map((m) => JSON.parse(m.value!).data.name)).toEqual(Array.from({ length: 5 }, (_, i) => `Trust ${i}`));
      expect(messages.every((m) => m.key === 'trust')).toBe(true);
      await app.close();
      app = undefined;
      expect((await api.outbox!.lag()).waiting).toBe(0);
    } finally {
      await app?.close();
      await api.close();
    }
  });
});
