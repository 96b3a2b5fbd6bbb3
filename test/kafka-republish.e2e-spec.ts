import { SqliteEventStore, type NewEvent } from '@orgchange/event-store';
import { randomUUID } from 'node:crypto';
import { run } from '../apps/cli/src/main';
import { tempDatabase, type TempDatabase } from './support/api-harness';
import { captureCliOutput } from './support/cli-output';
import { consumeAll } from './support/kafka/consume-all';
import { startTestKafka, type TestKafka } from './support/kafka/test-kafka';

jest.setTimeout(90_000);

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: randomUUID(),
  type,
  version: 1,
  data,
  metadata: { actor: 'test', correlationId: randomUUID() },
});

/** `orgchange kafka republish`: a range of the log published again, marked as a replay. */
describe('orgchange kafka republish', () => {
  const output = captureCliOutput();
  let kafka: TestKafka;
  let database: TempDatabase;
  let ids: string[];

  beforeAll(async () => {
    kafka = await startTestKafka();
    database = tempDatabase();
    const store = new SqliteEventStore({ file: database.file });
    ids = [];
    for (let i = 1; i <= 10; i += 1) {
      const renamed = event('OrganisationRenamed', { organisationId: 'trust', name: `Trust ${i}`, effectiveFrom: '2020-01-01' });
      await store.append('organisation-trust', [renamed], { expectedVersion: 'any' });
      ids.push(renamed.eventId);
    }
    const person = event('PersonRegistered', { personId: 'p-1', profession: 'nurse', effectiveFrom: '2020-01-01' });
    await store.append('person-p-1', [person], { expectedVersion: 'no_stream' });
    ids.push(person.eventId);
    await store.close();
  });
  afterAll(async () => {
    await kafka?.stop();
    database?.remove();
  });

  const args = (prefix: string, ...more: string[]): string[] => [
    'kafka', 'republish', '--db', database.file, '--brokers', kafka.brokers.join(','), '--topic-prefix', prefix,
    ...(kafka.kind === 'mock-cluster' ? ['--no-idempotent'] : []), ...more,
  ];

  it('publishes the range in order with the replay header, and reports what it did', async () => {
    const prefix = `replay-${randomUUID().slice(0, 8)}`;

    expect(await run(args(prefix, '--from', '3', '--to', '7'))).toBe(0);

    const messages = await consumeAll(kafka.brokers, [`${prefix}.restructures.v1`], { until: (all) => all.length >= 5 });
    expect(messages.map((m) => JSON.parse(m.value!).id)).toEqual(ids.slice(2, 7));
    expect(messages.every((m) => m.headers['orgchange-replay'] === 'true' && m.key === 'trust')).toBe(true);
    expect(JSON.parse(output.printed())).toMatchObject({ read: 5, published: 5, skipped: [], lastPosition: '7', from: '3', to: '7' });
  });

  it('publishes only the topics asked for, to the end of the log', async () => {
    const prefix = `replay-${randomUUID().slice(0, 8)}`;

    expect(await run(args(prefix, '--from', '1', '--topic', 'appointments'))).toBe(0);

    const messages = await consumeAll(kafka.brokers, [`${prefix}.appointments.v1`], { until: (all) => all.length >= 1 });
    expect(messages.map((m) => JSON.parse(m.value!).id)).toEqual([ids[10]]);
    expect(JSON.parse(output.printed())).toMatchObject({ read: 11, published: 1, topics: [`${prefix}.appointments.v1`] });
  });

  it.each([
    [['--from', '0'], /--from must be a global position/],
    [['--from', 'x'], /--from must be a global position/],
    [['--from', '5', '--to', '2'], /--to \(2\) must not be before --from \(5\)/],
    [['--from', '1', '--topic', 'payroll'], /--topic payroll is not one of/],
    [['--from', '1', '--batch-size', '0'], /--batch-size must be a whole number/],
  ])('refuses %p with exit code 2, naming the option', async (more, message) => {
    expect(await run(args('bad', ...more))).toBe(2);
    expect(output.errors()).toMatch(message);
  });

  it('refuses to run without brokers', async () => {
    const saved = process.env.KAFKA_BROKERS;
    delete process.env.KAFKA_BROKERS;
    try {
      expect(await run(['kafka', 'republish', '--db', database.file, '--from', '1'])).toBe(2);
      expect(output.errors()).toMatch(/--brokers \(or KAFKA_BROKERS\) must list Kafka brokers/);
    } finally {
      if (saved !== undefined) process.env.KAFKA_BROKERS = saved;
    }
  });

  it('exits 1 naming the failure when the broker cannot be reached', async () => {
    expect(await run(['kafka', 'republish', '--db', database.file, '--from', '1', '--brokers', '127.0.0.1:1', '--no-idempotent'])).toBe(1);
    expect(output.errors()).toMatch(/republishing failed/);
  });
});
