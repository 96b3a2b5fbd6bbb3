import { spawnSync, type ChildProcess } from 'node:child_process';
import { startTiedProcess } from '../../kafka-broker/child-process';

/**
 * librdkafka's built-in mock cluster (a third-party implementation of the Kafka wire protocol), run inside a
 * `kcat` consumer process that keeps it alive.
 *
 * Supports (checked with kafkajs 2.2.4): plain producers with acks -1, consumer groups, auto-created topics.
 * Does NOT support: admin CreateTopics, the idempotent producer, transactions — kafkajs finds no controller
 * in its metadata. Use the in-repo test broker (`features: 'full'`) for those.
 */
export type MockCluster = { brokers: string[]; pid: number; stop(): Promise<void> };

const startTimeoutMs = 10_000;

/** Where kcat is, or a clear error saying how to install it. */
export function kcatPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v kcat'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === '') {
    throw new Error('kcat is not installed: run `apt-get install -y kcat` (see ../shared/TOOLCHAIN.md), or set KAFKA_BROKERS');
  }
  return path;
}

/** Starts a 3-broker mock cluster; resolves with its bootstrap list once kcat has printed it. kcat dies with this process. */
export async function startMockCluster(): Promise<MockCluster> {
  const args = ['-X', 'test.mock.num.brokers=3', '-b', 'ignored', '-C', '-t', 'keepalive', '-o', 'end'];
  const started = await startTiedProcess(kcatPath(), args, ['ignore', 'ignore', 'pipe'], bootstrapServers);
  return { brokers: started.ready, pid: started.pid, stop: started.stop };
}

function bootstrapServers(child: ChildProcess): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`kcat mock cluster printed no bootstrap servers within ${startTimeoutMs} ms: ${stderr}`)), startTimeoutMs);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      const match = /replaced with ((?:127\.0\.0\.1:\d+,?)+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        child.stderr!.removeAllListeners('data');
        child.stderr!.resume();
        resolve(match[1].split(',').filter(Boolean));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`kcat exited before the mock cluster was up (code ${code}, signal ${signal}): ${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
