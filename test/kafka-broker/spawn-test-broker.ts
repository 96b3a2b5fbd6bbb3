import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTiedProcess } from './child-process';

/** The test broker double in a child process of its own (limits: see test-broker.ts). */
export type SpawnedTestBroker = { brokers: string[]; pid: number; stop(): Promise<void> };

const startTimeoutMs = 10_000;

/**
 * The compiled stand-alone script: beside this module when running from dist/, else dist/ of the repository
 * (jest runs the TypeScript sources, which plain `node` cannot start).
 */
function compiledMain(): string {
  const candidates = [join(__dirname, 'main.js'), resolve(__dirname, '../../dist/test/kafka-broker/main.js')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`the test broker is not compiled (looked for ${candidates.join(', ')}): run \`npm run build\``);
  return found;
}

/**
 * Starts the test broker as a separate process (its CPU apart from the code under test, and killable like a
 * real broker), on `port` or any free port; it dies with this process.
 */
export async function spawnTestBroker(options: { port?: number; partitions?: number } = {}): Promise<SpawnedTestBroker> {
  const args = [compiledMain(), '--port', String(options.port ?? 0), '--partitions', String(options.partitions ?? 1)];
  const started = await startTiedProcess(process.execPath, args, ['ignore', 'pipe', 'pipe'], listeningAddress);
  return { brokers: [started.ready], pid: started.pid, stop: started.stop };
}

function listeningAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`test broker did not start within ${startTimeoutMs} ms: ${output}`)), startTimeoutMs);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`test broker exited before listening (code ${code}, signal ${signal}): ${output}`));
    });
  });
}
