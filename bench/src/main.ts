import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { AggregateStateCache, SqliteEventStore } from '@orgchange/event-store';
import { type HugeResult, runHugeBench } from './huge-bench';
import { type AnalyseResult, type ImportResult, runAnalyseBench, runImportBench } from './import-bench';
import { type ImpactBenchResult, runImpactBench } from './impact-bench';
import { appendBatched, appendPerCommand, readAll, readStreams, rebuildProjection } from './measurements';
import { notifyBench } from './notify-bench';
import { relayBench } from './relay-bench';
import { runSyntheticBench, type SyntheticResult } from './synthetic-bench';
import { FULL_SIZE, type WorkloadSize } from './workload';
import { postgresDurability, runOnceOnPostgres } from './postgres-workload';

type Run = { appendPerCommandEventsPerSec: number; appendPerCommandReadingEventsPerSec: number; appendBatchedEventsPerSec: number; readStreamMeanMs: number; readStreamP99Ms: number; readAllEventsPerSec: number; rebuildEventsPerSec: number };

/** One run of the five measurements on fresh SQLite files (on local disk, WAL, the store's default synchronous=FULL). */
async function runOnce(size: WorkloadSize, synchronous: 'FULL' | 'NORMAL'): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-bench-'));
  try {
    const store = new SqliteEventStore({ file: join(dir, 'per-command.sqlite'), synchronous });
    const appendPerCommandEventsPerSec = await appendPerCommand(store, size, new AggregateStateCache());
    const { meanMs, p99Ms } = await readStreams(store, size);
    const readAllEventsPerSec = await readAll(store);
    const rebuildEventsPerSec = await rebuildProjection(store);
    await store.close();
    const readingStore = new SqliteEventStore({ file: join(dir, 'per-command-reading.sqlite'), synchronous });
    const appendPerCommandReadingEventsPerSec = await appendPerCommand(readingStore, size);
    await readingStore.close();
    const batchedStore = new SqliteEventStore({ file: join(dir, 'batched.sqlite'), synchronous });
    const appendBatchedEventsPerSec = await appendBatched(batchedStore, size);
    await batchedStore.close();
    return { appendPerCommandEventsPerSec, appendPerCommandReadingEventsPerSec, appendBatchedEventsPerSec, readStreamMeanMs: meanMs, readStreamP99Ms: p99Ms, readAllEventsPerSec, rebuildEventsPerSec };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Options = {
  store: 'sqlite' | 'postgres';
  streams: number;
  runs: number;
  synchronous: 'FULL' | 'NORMAL';
  workloadOnly?: boolean;
  syntheticOnly?: boolean;
  syntheticOrganisations: number;
  huge?: boolean;
  hugeEvents: number;
};

/** The leadership projection over synthetic histories (once per bench, not per run): a temporary directory each. */
async function runSynthetic(options: Options): Promise<Partial<SyntheticResult & HugeResult>> {
  if (options.workloadOnly) return {};
  const within = async <T>(work: (dir: string) => Promise<T>): Promise<T> => {
    const dir = mkdtempSync(join(tmpdir(), 'orgchange-bench-synth-'));
    try {
      return await work(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const size = { organisations: options.syntheticOrganisations, postsPerOrganisation: 1000, years: 10, seed: 1 };
  const synthetic = await within((dir) => runSyntheticBench(dir, size));
  const huge = options.huge ? await within((dir) => runHugeBench(dir, options.hugeEvents, 2)) : {};
  return { ...synthetic, ...huge };
}

/** The NHS ODS import and the analyst replay over what it imported (once per bench), in a temporary directory. */
async function runImports(options: Options): Promise<Partial<ImportResult & AnalyseResult>> {
  if (options.workloadOnly || options.syntheticOnly) return {};
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-bench-ods-'));
  try {
    const imported = await runImportBench(dir);
    return imported ? { ...imported.result, ...(await runAnalyseBench(imported.file)) } : {};
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Change programmes (issue 6): impact analysis of 1,000 planned post changes, and a 1,000-post programme fully notified. */
async function runWorkflow(options: Options): Promise<Partial<Omit<ImpactBenchResult, 'impact'>> & { notify?: unknown }> {
  if (options.workloadOnly || options.syntheticOnly) return {};
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-bench-workflow-'));
  try {
    const { impact: _details, ...impact } = await runImpactBench(dir, { organisations: 1, postsPerOrganisation: 1000, years: 10, seed: 1 });
    process.stderr.write('bench: notifying a 1,000-post programme…\n');
    return { ...impact, notify: await notifyBench({ posts: 1000 }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Kafka relay (issue 7): outbox drained to the broker on loopback, and commit-to-ack latency at 1,000 commands/s. */
async function runRelay(options: Options): Promise<{ relay?: unknown }> {
  if (options.workloadOnly || options.syntheticOnly) return {};
  process.stderr.write('bench: Kafka relay throughput and commit-to-ack latency…\n');
  return { relay: await relayBench() };
}

const best = (runs: Run[], key: keyof Run, lowerIsBetter = false): number =>
  runs.map((r) => r[key]).reduce((a, b) => (lowerIsBetter ? Math.min(a, b) : Math.max(a, b)));

async function main(): Promise<void> {
  const options = new Command('bench')
    .description('the "appointments" workload of shared/bench/WORKLOAD.md on the embedded SQLite store; prints one JSON object')
    .option('--store <store>', 'sqlite (embedded), or postgres (DATABASE_URL, default the local server; workload only)', 'sqlite')
    .option('--streams <n>', 'number of post streams', (v) => Number(v), FULL_SIZE.streams)
    .option('--runs <n>', 'runs of each measurement (best reported, all kept)', (v) => Number(v), 2)
    .option('--synchronous <mode>', 'SQLite synchronous pragma (FULL is the durable default)', 'FULL')
    .option('--workload-only', 'only the workload of WORKLOAD.md: skip the synthetic-history measurements')
    .option('--synthetic-only', 'only the synthetic-history measurements: skip the workload of WORKLOAD.md')
    .option('--synthetic-organisations <n>', 'trusts of 1,000 posts × 10 years in the synthetic log (about 10,200 events each)', (v) => Number(v), 50)
    .option('--huge', 'also rebuild over a log of about --huge-events events (many trusts; takes tens of minutes)')
    .option('--huge-events <n>', 'size of the --huge log', (v) => Number(v), 10_000_000)
    .parse(process.argv)
    .opts<Options>();
  if (options.store !== 'sqlite' && options.store !== 'postgres') throw new Error(`--store must be sqlite or postgres, got ${options.store}`);
  // The synthetic, import and workflow measurements run on SQLite only (they time its read models).
  if (options.store === 'postgres') options.workloadOnly = true;
  const size = { streams: options.streams, rounds: FULL_SIZE.rounds };
  const runs: Run[] = [];
  const startedAt = Date.now();
  for (let i = 0; i < (options.syntheticOnly ? 0 : options.runs); i += 1) {
    process.stderr.write(`bench: run ${i + 1}/${options.runs} (${size.streams} streams × ${size.rounds} events)…\n`);
    runs.push(options.store === 'postgres' ? await runOnceOnPostgres(size) : await runOnce(size, options.synchronous));
  }
  const synthetic = await runSynthetic(options);
  const imports = await runImports(options);
  const workflow = await runWorkflow(options);
  const relay = await runRelay(options);
  const result = {
    store: options.store,
    library: 'orgchange',
    version: '0.1.0',
    node: process.version,
    // The V8 flags this bench ran with (npm run bench sets the API's): they move the warm query's tail.
    nodeFlags: process.execArgv,
    ...(runs.length > 0
      ? {
          appendPerCommandEventsPerSec: best(runs, 'appendPerCommandEventsPerSec'),
          appendPerCommandReadingEventsPerSec: best(runs, 'appendPerCommandReadingEventsPerSec'),
          appendBatchedEventsPerSec: best(runs, 'appendBatchedEventsPerSec'),
          readStreamMeanMs: best(runs, 'readStreamMeanMs', true),
          readStreamP99Ms: best(runs, 'readStreamP99Ms', true),
          readAllEventsPerSec: best(runs, 'readAllEventsPerSec'),
          rebuildEventsPerSec: best(runs, 'rebuildEventsPerSec'),
        }
      : {}),
    ...synthetic,
    ...imports,
    ...workflow,
    ...relay,
    allRuns: runs,
    config: { ...size, runs: options.runs },
    durability: options.store === 'postgres' ? await postgresDurability() : `better-sqlite3 on a local file, WAL, synchronous=${options.synchronous}${options.synchronous === 'FULL' ? ' (the store default: every acknowledged append is on disk)' : ' (NOT the default: a power cut may lose the last commits)'}`,
    method: (options.store === 'postgres' ? 'PostgresEventStore over 127.0.0.1 (pool of 10; a one-event append calls orgchange_append_one, any other append orgchange_append: one round trip each); rebuild upserts each page\'s per-unit sums in one statement with its checkpoint; ' : '') + 'per-command: the generic command handler with the state cache the API\'s command handlers use (default 20,000 streams, so the workload\'s 10,000 all stay: each stream is read once, by its first command, and later commands decide on the state kept after the last append and append at its version; the store\'s version check guards it); appendPerCommandReadingEventsPerSec: the same without the cache, reading the stream before every command (readStream → fold → decide → append at the version read), as Emmett\'s CommandHandler does; batched: store.append of 10 events per stream with expected version; readStream: 10,000 seeded random streams; readAll and rebuild: pages of 1,000 in global order, rebuild commits each page with its checkpoint; ' +
      'synthetic (once per bench): libs/synth history of --synthetic-organisations trusts (bulk-loaded, synchronous=NORMAL, not measured), LeadershipProjector.rebuild() on a store opened with its defaults (stream by stream into shadow tables committed with synchronous=NORMAL, as the read model is derived from the log; timed up to the swap, which builds the indexes, and the catch-up after it), ' +
      '1,000 StructureQuery.structure() calls for the first trust at seeded random dates and positions, and the median of 3 cold answers (the trust\'s streams found by a SQL scan of events, read, copied in log order to an in-memory store, projected, queried)',
    wallSeconds: Math.round((Date.now() - startedAt) / 1000),
  };
  console.log(JSON.stringify(result, null, 2));
}

void main();
