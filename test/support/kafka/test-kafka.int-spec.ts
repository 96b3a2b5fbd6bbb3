import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { byKey, consumeAll } from './consume-all';
import { externalBrokers, startTestKafka, type TestKafka } from './test-kafka';

jest.setTimeout(60_000);

describe('startTestKafka (basic)', () => {
  let kafka: TestKafka;
  beforeAll(async () => {
    kafka = await startTestKafka();
  });
  afterAll(async () => kafka?.stop());

  it('gives brokers that accept acks -1 produces and serve them back to a consumer group, in order per key', async () => {
    expect(kafka.kind).toBe(externalBrokers() ? 'external' : 'mock-cluster');
    const topic = `harness-${Date.now()}`;
    const client = new Kafka({ clientId: 'harness-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true });
    await producer.connect();
    const keys = ['org-a', 'org-b', 'org-c'];
    for (let i = 0; i < 60; i += 1) {
      await producer.send({
        topic,
        acks: -1,
        messages: [{ key: keys[i % 3], value: String(i), headers: { seq: String(i) } }],
      });
    }
    await producer.disconnect();

    const messages = await consumeAll(kafka.brokers, [topic], { until: (read) => read.length >= 60 });

    expect(messages).toHaveLength(60);
    const grouped = byKey(messages);
    for (const [index, key] of keys.entries()) {
      const values = grouped.get(key)!.map((m) => Number(m.value));
      expect(values).toEqual(Array.from({ length: 20 }, (_, n) => n * 3 + index));
      expect(new Set(grouped.get(key)!.map((m) => m.partition)).size).toBe(1);
    }
    expect(messages.every((m) => m.headers.seq === m.value)).toBe(true);
  });

  it('rejects with what it read when the condition is never met', async () => {
    const topic = `harness-short-${Date.now()}`;
    const client = new Kafka({ clientId: 'harness-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'org-a', value: 'only one' }] });
    await producer.disconnect();
    await expect(consumeAll(kafka.brokers, [topic], { until: (read) => read.length >= 2, timeoutMs: 8_000 })).rejects.toThrow(
      /condition not met within 8000 ms; read 1 messages/,
    );
  });
});

describe('startTestKafka with KAFKA_BROKERS', () => {
  const saved = process.env.KAFKA_BROKERS;
  afterEach(() => {
    if (saved === undefined) delete process.env.KAFKA_BROKERS;
    else process.env.KAFKA_BROKERS = saved;
  });

  it('uses the named brokers as they are and stop() leaves them alone', async () => {
    process.env.KAFKA_BROKERS = ' 10.0.0.1:9092, 10.0.0.2:9092 ';
    const kafka = await startTestKafka({ features: 'full' });
    expect(kafka).toMatchObject({ kind: 'external', brokers: ['10.0.0.1:9092', '10.0.0.2:9092'] });
    await expect(kafka.stop()).resolves.toBeUndefined();
  });
});
