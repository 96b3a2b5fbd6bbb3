import { startMockCluster } from './mock-cluster';

/**
 * What a Kafka suite runs against:
 * - `KAFKA_BROKERS` set (comma-separated host:port) -> that real cluster ('external'); stop() leaves it alone.
 * - `features: 'basic'` (default) -> librdkafka's mock cluster via kcat ('mock-cluster'): plain producer
 *   acks -1, consumer groups, auto-created topics; no admin CreateTopics, idempotent producer or transactions.
 * - `features: 'full'` -> the in-repo test broker double ('test-broker', test/kafka-broker): also CreateTopics
 *   and the idempotent producer; see its limits in test/kafka-broker/test-broker.ts.
 */
export type TestKafka = { brokers: string[]; kind: 'external' | 'mock-cluster' | 'test-broker'; stop(): Promise<void> };

export type TestKafkaOptions = { features?: 'basic' | 'full' };

/** The brokers named by KAFKA_BROKERS, or undefined when it is unset or blank. */
export function externalBrokers(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const list = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

export async function startTestKafka(options: TestKafkaOptions = {}): Promise<TestKafka> {
  const external = externalBrokers();
  if (external) return { brokers: external, kind: 'external', stop: async () => undefined };
  if ((options.features ?? 'basic') === 'full') {
    // Loaded lazily so 'basic' suites do not pay for the broker double's module graph.
    const { startTestBroker } = await import('../../kafka-broker/test-broker');
    const broker = await startTestBroker();
    return { brokers: broker.brokers, kind: 'test-broker', stop: broker.stop };
  }
  const cluster = await startMockCluster();
  return { brokers: cluster.brokers, kind: 'mock-cluster', stop: cluster.stop };
}
