import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestKafka, type TestKafka } from '../../../test/support/kafka/test-kafka';
import { LeadersConsumer } from '../src/leaders-consumer';
import { LeadersStore } from '../src/leaders-store';
import { OrgchangeMessages, waitFor, type SentMessage } from './orgchange-messages';

jest.setTimeout(120_000);

describe('downstream-leaders over Kafka (test broker, or KAFKA_BROKERS)', () => {
  let kafka: TestKafka;
  let producer: Producer;
  let dir: string;
  const prefix = `it-${randomUUID().slice(0, 8)}`;
  const topics = [`${prefix}.appointments.v1`, `${prefix}.restructures.v1`];
  const messages = new OrgchangeMessages(prefix);
  const send = async (...sent: SentMessage[]) => {
    for (const { topic, message } of sent) await producer.send({ topic, acks: -1, messages: [message] });
  };

  beforeAll(async () => {
    kafka = await startTestKafka({ features: 'full' });
    const client = new Kafka({ clientId: 'downstream-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })) });
    await admin.disconnect();
    producer = client.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    dir = mkdtempSync(join(tmpdir(), 'downstream-leaders-'));
  });
  afterAll(async () => {
    await producer?.disconnect();
    await kafka?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('applies each organisation in key order, skips a duplicate and a replay by id, records a bad message, and never re-applies after a restart', async () => {
    const history = (org: string) => {
      const post = `${org}-ceo`;
      return [
        messages.event(org, `organisation-${org}`, 'OrganisationEstablished', { organisationId: org, name: `Trust ${org}`, kind: 'nhs-trust', effectiveFrom: '2020-01-01' }),
        messages.event(org, `post-${post}`, 'PostCreated', {
          postId: post, organisationId: org, unitId: `${org}-board`, title: 'Chief Executive', family: 'executive', grade: 'VSM', maxHolders: 1, effectiveFrom: '2020-01-01',
        }),
        messages.event(org, `post-${post}`, 'AppointmentStarted', { postId: post, appointmentId: `${org}-a1`, personId: `${org}-p1`, kind: 'substantive', effectiveFrom: '2020-02-01' }),
        messages.event(org, `post-${post}`, 'AppointmentEnded', { postId: post, appointmentId: `${org}-a1`, personId: `${org}-p1`, endReason: 'resigned', effectiveFrom: '2024-06-01' }),
        messages.event(org, `post-${post}`, 'AppointmentStarted', { postId: post, appointmentId: `${org}-a2`, personId: `${org}-p2`, kind: 'interim', effectiveFrom: '2024-06-01' }),
      ];
    };
    const organisations = ['north', 'south', 'east', 'west'];
    const histories = organisations.map(history);
    // Interleave organisations, as a live log would.
    for (let step = 0; step < 5; step += 1) await send(...histories.map((h) => h[step]));
    const duplicate = histories[0][2];
    const replayed = OrgchangeMessages.replayOf(histories[1][4]);
    await send(duplicate, replayed, { topic: topics[0], message: { key: 'north', value: '{not json', headers: {} } });

    const store = new LeadersStore(join(dir, 'leaders.sqlite'));
    const consumer = new LeadersConsumer({ brokers: kafka.brokers, groupId: `${prefix}-leaders`, topics, store });
    await consumer.start();
    try {
      await waitFor(() => store.stats().applied === 20 && store.stats().duplicates === 2 && store.stats().rejected === 1, () => JSON.stringify(store.stats()));
    } finally {
      await consumer.stop();
    }

    expect(store.stats()).toEqual({ applied: 20, duplicates: 2, ignored: 0, replays: 1, rejected: 1, outOfOrder: 0 });
    for (const org of organisations) {
      // Kafka orders per partition: per topic, each organisation's events are applied in log order.
      const [appointments, restructures] = topics.map((topic) => store.appliedPositions(org, topic));
      expect([appointments.length, restructures.length]).toEqual([4, 1]);
      expect(appointments).toEqual([...appointments].sort((a, b) => (a < b ? -1 : 1)));
      expect(store.leaders(org, '2023-01-01')).toEqual([
        { postId: `${org}-ceo`, title: 'Chief Executive', family: 'executive', holders: [{ personId: `${org}-p1`, kind: 'substantive', since: '2020-02-01' }] },
      ]);
      expect(store.leaders(org, '2025-01-01')![0].holders).toEqual([{ personId: `${org}-p2`, kind: 'interim', since: '2024-06-01' }]);
    }
    store.close();

    // Restart with the same SQLite file, under a new group id: Kafka hands over everything again, as after
    // lost offsets; only the one new event may change the view.
    const retraction = messages.event('north', 'post-north-ceo', 'EventRetracted', { targetEventId: histories[0][4].id, reason: 'recorded in error' });
    await send(retraction);
    const reopened = new LeadersStore(join(dir, 'leaders.sqlite'));
    const again = new LeadersConsumer({ brokers: kafka.brokers, groupId: `${prefix}-leaders-again`, topics, store: reopened });
    await again.start();
    try {
      await waitFor(() => reopened.stats().applied === 21 && reopened.stats().duplicates === 24, () => JSON.stringify(reopened.stats()));
    } finally {
      await again.stop();
    }
    expect(reopened.stats()).toMatchObject({ applied: 21, duplicates: 24, rejected: 2, outOfOrder: 0 });
    expect(reopened.leaders('north', '2025-01-01')![0].holders).toEqual([]);
    expect(reopened.leaders('south', '2025-01-01')![0].holders).toHaveLength(1);
    reopened.close();
  });
});
