import { CompressionTypes, Kafka, logLevel, Partitioners, type Admin, type Consumer, type Producer } from 'kafkajs';
import { startTestBroker, type TestBroker } from './test-broker';

jest.setTimeout(120_000);

const client = (brokers: string[], clientId: string) => new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });

type Seen = { key: string; value: string; seq: number; partition: number; offset: number };

/**
 * Runs the (connected) members of one group on `topic` until `count` messages arrived in all, bounded by a
 * timeout, recording them; the consumers are left running for the caller to disconnect.
 */
async function readUntil(consumers: Consumer[], topic: string, count: number, seen: Seen[], timeoutMs = 90_000): Promise<void> {
  await Promise.all(consumers.map((c) => c.subscribe({ topics: [topic], fromBeginning: true })));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${seen.length} of ${count} messages within ${timeoutMs} ms`)), timeoutMs);
    for (const consumer of consumers) {
      void consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const value = message.value!.toString();
            seen.push({ key: message.key!.toString(), value, seq: Number(value), partition, offset: Number(message.offset) });
            if (seen.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    }
  });
}

async function sendSequenced(producer: Producer, topic: string, from: number, to: number, keys: number): Promise<void> {
  for (let start = from; start < to; start += 250) {
    const messages = [];
    for (let i = start; i < Math.min(start + 250, to); i += 1) messages.push({ key: `org-${i % keys}`, value: String(i) });
    await producer.send({ topic, acks: -1, messages });
  }
}

describe('test broker (kafkajs 2.2.4 over the wire)', () => {
  let broker: TestBroker;
  let admin: Admin;
  beforeAll(async () => {
    broker = await startTestBroker();
    admin = client(broker.brokers, 'spec-admin').admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await broker?.stop();
  });

  it('lets kafkajs admin create topics, and refuses a duplicate or a replication factor it cannot honour', async () => {
    await expect(admin.createTopics({ topics: [{ topic: 'orgchange.appointments.v1', numPartitions: 3, replicationFactor: 1 }] })).resolves.toBe(true);
    expect(await admin.listTopics()).toContain('orgchange.appointments.v1');
    const metadata = await admin.fetchTopicMetadata({ topics: ['orgchange.appointments.v1'] });
    expect(metadata.topics[0].partitions.map((p) => p.partitionId).sort()).toEqual([0, 1, 2]);
    await expect(admin.createTopics({ topics: [{ topic: 'orgchange.appointments.v1', numPartitions: 3 }] })).resolves.toBe(false);
    await expect(admin.createTopics({ topics: [{ topic: 'three-replicas', numPartitions: 1, replicationFactor: 3 }] })).rejects.toMatchObject({
      errors: [{ topic: 'three-replicas', type: 'INVALID_REPLICATION_FACTOR' }],
    });
    expect(await admin.listTopics()).not.toContain('three-replicas');
  });

  it('takes 10,000 messages from an idempotent producer and serves them to a consumer group in order per partition, once each', async () => {
    const topic = 'idempotent-10k';
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
    const producer = client(broker.brokers, 'spec-producer').producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await sendSequenced(producer, topic, 0, 10_000, 40);
    await producer.disconnect();

    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(10_000);

    const seen: Seen[] = [];
    const consumers = [1, 2].map((n) => client(broker.brokers, `spec-consumer-${n}`).consumer({ groupId: 'ten-k', maxWaitTimeInMs: 100 }));
    await Promise.all(consumers.map((c) => c.connect()));
    try {
      await readUntil(consumers, topic, 10_000, seen);
    } finally {
      await Promise.all(consumers.map((c) => c.disconnect()));
    }

    expect(seen).toHaveLength(10_000);
    expect(new Set(seen.map((s) => s.seq)).size).toBe(10_000);
    for (const partition of [0, 1, 2, 3]) {
      const offsetsRead = seen.filter((s) => s.partition === partition).map((s) => s.offset);
      expect(offsetsRead).toEqual(offsetsRead.map((_, i) => i));
    }
    const byKey = new Map<string, number[]>();
    for (const s of seen) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.seq]);
    expect(byKey.size).toBe(40);
    for (const seqs of byKey.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('stores gzip batches as sent and serves them back whole (it never decompresses)', async () => {
    const producer = client(broker.brokers, 'spec-gzip').producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const values = Array.from({ length: 100 }, (_, i) => `compressed ${i} ${'x'.repeat(100)}`);
    await producer.send({ topic: 'gzip', acks: -1, compression: CompressionTypes.GZIP, messages: values.map((value) => ({ key: 'k', value })) });
    await producer.disconnect();
    const seen: Seen[] = [];
    const consumer = client(broker.brokers, 'spec-gzip-reader').consumer({ groupId: 'gzip', maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      await readUntil([consumer], 'gzip', 100, seen);
    } finally {
      await consumer.disconnect();
    }
    expect(seen.map((m) => m.value)).toEqual(values);
  });

  it('resumes a restarted consumer from the offsets its group committed', async () => {
    const topic = 'resume-after-restart';
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    const producer = client(broker.brokers, 'spec-producer-2').producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await sendSequenced(producer, topic, 0, 500, 7);

    const first: Seen[] = [];
    const before = client(broker.brokers, 'spec-before').consumer({ groupId: 'resume', maxWaitTimeInMs: 100 });
    await before.connect();
    await readUntil([before], topic, 500, first);
    await before.disconnect();

    const committed = await admin.fetchOffsets({ groupId: 'resume', topics: [topic] });
    expect(committed[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0)).toBe(500);

    await sendSequenced(producer, topic, 500, 800, 7);
    await producer.disconnect();
    const second: Seen[] = [];
    const after = client(broker.brokers, 'spec-after').consumer({ groupId: 'resume', maxWaitTimeInMs: 100 });
    await after.connect();
    try {
      await readUntil([after], topic, 300, second);
    } finally {
      await after.disconnect();
    }
    expect(second.map((s) => s.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => 500 + i));
  });
});
