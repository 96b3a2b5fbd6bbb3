import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { postgresCommitLatencyMs } from './postgres-workload';

type Result = Record<string, unknown>;

/** Higher is better: ratio ours / Emmett. */
const THROUGHPUT_KEYS = ['appendPerCommandEventsPerSec', 'appendBatchedEventsPerSec', 'readAllEventsPerSec', 'rebuildEventsPerSec'] as const;
/** Lower is better: ratio Emmett / ours. Either way a ratio above 1 means orgchange is faster. */
const LATENCY_KEYS = ['readStreamMeanMs', 'readStreamP99Ms'] as const;
/** WORKLOAD.md: the bar is twice Emmett's figure on the same machine in the same run. */
const BAR = 2;

const root = resolve(__dirname, '..', '..', '..');

/** Runs a child process to the end; stdout is returned, stderr (progress) passes through. */
function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolveRun(stdout) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The JSON object a bench printed: the whole of stdout, or its last line if it printed something else first. */
function parseResult(name: string, stdout: string): Result {
  const text = stdout.trim();
  try {
    return JSON.parse(text) as Result;
  } catch {
    const start = text.lastIndexOf('\n{');
    if (start >= 0) return JSON.parse(text.slice(start + 1)) as Result;
    throw new Error(`${name} printed no JSON object: ${text.slice(0, 200)}`);
  }
}

const ratio = (a: unknown, b: unknown): number | null =>
  typeof a === 'number' && typeof b === 'number' && b > 0 ? Math.round((a / b) * 100) / 100 : null;

/**
 * `npm run bench:compare [-- --store postgres]`: the workload of WORKLOAD.md on orgchange's SQLite (or
 * PostgreSQL) store, then on Emmett's (`../shared/bench/emmett/run.sh --store <same>`), one after the other on
 * this machine, and one JSON object with both results and the ratios (above 1: orgchange faster; the bar is 2).
 */
async function main(): Promise<void> {
  const options = new Command('bench:compare')
    .description('orgchange vs Emmett on the "appointments" workload, run back to back on one store kind; prints one JSON object')
    .option('--store <store>', 'sqlite, or postgres (both on DATABASE_URL, default the local server)', 'sqlite')
    .option('--streams <n>', 'number of post streams (passed to both)', '10000')
    .option('--runs <n>', 'runs of each measurement (passed to both)', '2')
    .option('--with-synthetic', 'also run our synthetic-history measurements (no Emmett counterpart)')
    .parse(process.argv)
    .opts<{ store: string; streams: string; runs: string; withSynthetic?: boolean }>();
  if (options.store !== 'sqlite' && options.store !== 'postgres') throw new Error(`--store must be sqlite or postgres, got ${options.store}`);
  const shared = ['--streams', options.streams, '--runs', options.runs];
  const startedAt = Date.now();
  const machine = async () => ({
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    ...(options.store === 'postgres' ? { commitLatencyMs: await postgresCommitLatencyMs() } : {}),
  });
  const before = await machine();
  process.stderr.write('bench:compare: orgchange…\n');
  const ours = parseResult('orgchange bench', await run(process.execPath, [join(root, 'dist/bench/src/main.js'), '--store', options.store, ...shared, ...(options.withSynthetic ? [] : ['--workload-only'])], root));
  process.stderr.write(`bench:compare: Emmett (${options.store})…\n`);
  const emmett = parseResult('Emmett bench', await run(join(root, '..', 'shared', 'bench', 'emmett', 'run.sh'), ['--store', options.store, ...shared], root));
  const after = await machine();
  const ratios: Record<string, number | null> = {};
  for (const key of THROUGHPUT_KEYS) ratios[key] = ratio(ours[key], emmett[key]);
  for (const key of LATENCY_KEYS) ratios[key] = ratio(emmett[key], ours[key]);
  // Like for like with Emmett's CommandHandler, which reads the stream before every command: ours without the state cache.
  ratios.appendPerCommandReadingEventsPerSec = ratio(ours.appendPerCommandReadingEventsPerSec, emmett.appendPerCommandEventsPerSec);
  const meetsBar = Object.fromEntries(Object.entries(ratios).map(([key, r]) => [key, r === null ? null : r >= BAR]));
  console.log(
    JSON.stringify(
      {
        ratios,
        bar: BAR,
        meetsBar,
        ratioMeaning: 'throughput keys: orgchange / Emmett; latency keys (ms): Emmett / orgchange; above 1 = orgchange faster; appendPerCommandReadingEventsPerSec: ours reading the stream before every command (no state cache) / Emmett per-command',
        config: { streams: Number(options.streams), runs: Number(options.runs), store: options.store },
        // How busy the machine was, before orgchange's run and after Emmett's: on PostgreSQL every per-command
        // append waits for one commit, so a slow disk pulls both figures, and their ratio, towards its latency.
        machine: { before, after },
        orgchange: ours,
        emmett,
        wallSeconds: Math.round((Date.now() - startedAt) / 1000),
      },
      null,
      2,
    ),
  );
}

void main().catch((error) => {
  console.error(`bench:compare: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
