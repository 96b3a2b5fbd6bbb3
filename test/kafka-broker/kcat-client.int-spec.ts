import { spawn } from 'node:child_process';
import { kcatPath } from '../support/kafka/mock-cluster';
import { startTestBroker, type TestBroker } from './test-broker';

jest.setTimeout(30_000);

/** A second, independent client (librdkafka through kcat) against the double, so it is not fitted to kafkajs alone. */
describe('test broker with librdkafka (kcat)', () => {
  let broker: TestBroker;
  beforeAll(async () => {
    broker = await startTestBroker({ defaultPartitions: 2 });
  });
  afterAll(async () => broker?.stop());

  /** Runs kcat asynchronously: a synchronous spawn would block the event loop this broker runs on. */
  const runKcat = (args: string[], input = '') =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(kcatPath(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
      child.stdin.end(input);
    });

  it('takes keyed messages from kcat and gives them back, keys and order per partition intact', async () => {
    const input = Array.from({ length: 50 }, (_, i) => `org-${i % 5}\t${i}`).join('\n') + '\n';
    const produced = await runKcat(['-b', broker.brokers[0], '-P', '-t', 'from-kcat', '-K', '\t'], input);
    expect(produced).toMatchObject({ status: 0, stderr: '' });

    const consumed = await runKcat(['-b', broker.brokers[0], '-C', '-t', 'from-kcat', '-e', '-q', '-f', '%p %o %k %s\\n']);
    expect(consumed.status).toBe(0);
    const rows = consumed.stdout.trim().split('\n').map((line) => line.split(' '));
    expect(rows).toHaveLength(50);
    for (let key = 0; key < 5; key += 1) {
      const ofKey = rows.filter((r) => r[2] === `org-${key}`);
      expect(new Set(ofKey.map((r) => r[0])).size).toBe(1);
      expect(ofKey.map((r) => Number(r[3]))).toEqual(Array.from({ length: 10 }, (_, n) => n * 5 + key));
    }
  });
});
