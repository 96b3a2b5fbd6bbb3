import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@orgchange/event-store';
import { appendBatched, appendPerCommand, readAll, readStreams, rebuildProjection } from './measurements';
import { FULL_SIZE, type WorkloadSize } from './workload';

type Run = { appendPerCommandEventsPerSec: number; appendBatchedEventsPerSec: number; readStreamMeanMs: number; readStreamP99Ms: number; readAllEventsPerSec: number; rebuildEventsPerSec: number };

/** One run of the five measurements on fresh SQLite files (on local disk, WAL, the store's default synchronous=FULL). */
async function runOnce(size: WorkloadSize, synchronous: 'FULL' | 'NORMAL'): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-bench-'));
  try {
    const store = new SqliteEventStore({ file: join(dir, 'per-command.sqlite'), synchronous });
    const appendPerCommandEventsPerSec = await appendPerCommand(store, size);
    const { meanMs, p99Ms } = await readStreams(store, size);
    const readAllEventsPerSec = await readAll(store);
    const rebuildEventsPerSec = await rebuildProjection(store);
    await store.close();
    const batchedStore = new SqliteEventStore({ file: join(dir, 'batched.sqlite'), synchronous });
    const appendBatchedEventsPerSec = await appendBatched(batchedStore, size);
    await batchedStore.close();
    return { appendPerCommandEventsPerSec, appendBatchedEventsPerSec, readStreamMeanMs: meanMs, readStreamP99Ms: p99Ms, readAllEventsPerSec, rebuildEventsPerSec };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const best = (runs: Run[], key: keyof Run, lowerIsBetter = false): number =>
  runs.map((r) => r[key]).reduce((a, b) => (lowerIsBetter ? Math.min(a, b) : Math.max(a, b)));

async function main(): Promise<void> {
  const options = new Command('bench')
    .description('the "appointments" workload of shared/bench/WORKLOAD.md on the embedded SQLite store; prints one JSON object')
    .option('--streams <n>', 'number of post streams', (v) => Number(v), FULL_SIZE.streams)
    .option('--runs <n>', 'runs of each measurement (best reported, all kept)', (v) => Number(v), 2)
    .option('--synchronous <mode>', 'SQLite synchronous pragma (FULL is the durable default)', 'FULL')
    .parse(process.argv)
    .opts<{ streams: number; runs: number; synchronous: 'FULL' | 'NORMAL' }>();
  const size = { streams: options.streams, rounds: FULL_SIZE.rounds };
  const runs: Run[] = [];
  const startedAt = Date.now();
  for (let i = 0; i < options.runs; i += 1) {
    process.stderr.write(`bench: run ${i + 1}/${options.runs} (${size.streams} streams × ${size.rounds} events)…\n`);
    runs.push(await runOnce(size, options.synchronous));
  }
  const result = {
    store: 'sqlite',
    library: 'orgchange',
    version: '0.1.0',
    node: process.version,
    appendPerCommandEventsPerSec: best(runs, 'appendPerCommandEventsPerSec'),
    appendBatchedEventsPerSec: best(runs, 'appendBatchedEventsPerSec'),
    readStreamMeanMs: best(runs, 'readStreamMeanMs', true),
    readStreamP99Ms: best(runs, 'readStreamP99Ms', true),
    readAllEventsPerSec: best(runs, 'readAllEventsPerSec'),
    rebuildEventsPerSec: best(runs, 'rebuildEventsPerSec'),
    allRuns: runs,
    config: { ...size, runs: options.runs },
    durability: `better-sqlite3 on a local file, WAL, synchronous=${options.synchronous}${options.synchronous === 'FULL' ? ' (the store default: every acknowledged append is on disk)' : ' (NOT the default: a power cut may lose the last commits)'}`,
    method: 'per-command: generic command handler (readStream → fold → decide → append at the version read); batched: store.append of 10 events per stream with expected version; readStream: 10,000 seeded random streams; readAll and rebuild: pages of 1,000 in global order, rebuild commits each page with its checkpoint',
    wallSeconds: Math.round((Date.now() - startedAt) / 1000),
  };
  console.log(JSON.stringify(result, null, 2));
}

void main();
