import { Kafka, logLevel } from 'kafkajs';
import { consumeAll } from '../support/kafka/consume-all';
import { isRunning } from './child-process';
import { spawnTestBroker } from './spawn-test-broker';

jest.setTimeout(30_000);

describe('spawnTestBroker (the compiled stand-alone script; needs npm run build)', () => {
  it('serves kafkajs from a child process, stops it by PID, and starts afresh with nothing kept', async () => {
    const broker = await spawnTestBroker({ partitions: 2 });
    const producer = new Kafka({ clientId: 'spawn-spec', brokers: broker.brokers, logLevel: logLevel.NOTHING }).producer({ idempotent: true, maxInFlightRequests: 1 });
    try {
      await producer.connect();
      await producer.send({ topic: 'spawned', acks: -1, messages: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
      await producer.disconnect();
      const messages = await consumeAll(broker.brokers, ['spawned'], { until: (all) => all.length >= 2 });
      expect(messages.map((m) => m.value).sort()).toEqual(['1', '2']);
    } finally {
      await broker.stop();
    }
    expect(isRunning(broker.pid)).toBe(false);

    const again = await spawnTestBroker();
    try {
      const admin = new Kafka({ clientId: 'spawn-spec', brokers: again.brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      expect(await admin.listTopics()).toEqual([]);
      await admin.disconnect();
    } finally {
      await again.stop();
    }
  });
});
