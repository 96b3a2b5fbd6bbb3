import { isRunning } from '../../kafka-broker/child-process';
import { startMockCluster } from './mock-cluster';

jest.setTimeout(30_000);

describe('startMockCluster', () => {
  it('parses a 3-broker loopback bootstrap list from kcat and stops kcat by its PID', async () => {
    const cluster = await startMockCluster();
    expect(cluster.brokers).toHaveLength(3);
    for (const broker of cluster.brokers) expect(broker).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(isRunning(cluster.pid)).toBe(true);
    await cluster.stop();
    expect(isRunning(cluster.pid)).toBe(false);
  });
});
