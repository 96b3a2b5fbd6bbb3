import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventUpcasters, STREAM_CATEGORIES, type StreamCategory, streamDeciders } from '@orgchange/domain';
import { categoryOf, chainUpcasters, readAllPages, type RecordedEvent, SqliteEventStore } from '@orgchange/event-store';
import { Command } from 'commander';
import { generateInto, type SyntheticSize } from './synthetic-bench';

/**
 * Folds the synthetic log with the stream deciders alone (no store, no read model): every event in global
 * order into its stream's state, one state per stream, as a rebuild that folds the domain would. The log is
 * read into memory first, so only the fold is timed. Pass 1 times the whole fold; pass 2 folds again from empty
 * states timing each event with `process.cpuUsage()` (which adds about a microsecond to each) for per-type totals.
 */

type AnyDecider = Readonly<{ initialState: () => unknown; evolve: (state: unknown, event: RecordedEvent) => unknown }>;
const decidersByCategory = streamDeciders as unknown as Record<StreamCategory, AnyDecider>;

type Prepared = Readonly<{ event: RecordedEvent; category: StreamCategory; decider: AnyDecider }>;
type CpuTotals = Record<string, { events: number; cpuMs: number }>;

const cpuMicrosSince = (before: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(before);
  return used.user + used.system;
};

function prepare(events: readonly RecordedEvent[]): Prepared[] {
  return events.map((event) => {
    const category = categoryOf(event.streamId) as StreamCategory;
    if (!STREAM_CATEGORIES.includes(category)) throw new Error(`no decider for stream ${event.streamId}`);
    return { event, category, decider: decidersByCategory[category] };
  });
}

function foldAll(log: readonly Prepared[]): Map<string, unknown> {
  const states = new Map<string, unknown>();
  for (const { event, decider } of log) {
    const state = states.get(event.streamId) ?? decider.initialState();
    states.set(event.streamId, decider.evolve(state, event));
  }
  return states;
}

/** Per event type, and per stream category (a correction costs more in a long organisation stream than in a post's). */
function foldTimingEachEvent(log: readonly Prepared[]): { byType: CpuTotals; byCategory: CpuTotals } {
  const states = new Map<string, unknown>();
  const byType = new Map<string, { events: number; micros: number }>();
  const byCategory = new Map<string, { events: number; micros: number }>();
  const add = (totals: typeof byType, key: string, micros: number) => {
    const total = totals.get(key) ?? { events: 0, micros: 0 };
    total.events += 1;
    total.micros += micros;
    totals.set(key, total);
  };
  for (const { event, category, decider } of log) {
    const state = states.get(event.streamId) ?? decider.initialState();
    const before = process.cpuUsage();
    const next = decider.evolve(state, event);
    const micros = cpuMicrosSince(before);
    states.set(event.streamId, next);
    add(byType, event.type, micros);
    add(byCategory, category, micros);
  }
  return { byType: inCpuMs(byType), byCategory: inCpuMs(byCategory) };
}

const inCpuMs = (totals: Map<string, { events: number; micros: number }>): CpuTotals =>
  Object.fromEntries(
    [...totals]
      .sort(([, a], [, b]) => b.micros - a.micros)
      .map(([key, t]) => [key, { events: t.events, cpuMs: Math.round(t.micros / 100) / 10 }]),
  );

async function readLog(file: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ file, upcast: chainUpcasters(eventUpcasters) });
  try {
    const events: RecordedEvent[] = [];
    for await (const page of readAllPages(store, { pageSize: 10_000 })) events.push(...page);
    return events;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const options = new Command()
    .option('--organisations <n>', 'trusts of 1,000 posts × 10 years (50 gives about 512,000 events)', (v) => Number(v), 50)
    .option('--seed <n>', 'synthetic history seed', (v) => Number(v), 1)
    .option('--log <file>', 'a SQLite log to fold; generated there first if it does not exist (kept, so later runs fold the same log)')
    .option('--passes <n>', 'whole-fold passes timed; the median is reported', (v) => Number(v), 3)
    .parse()
    .opts<{ organisations: number; seed: number; log?: string; passes: number }>();
  const size: SyntheticSize = { organisations: options.organisations, postsPerOrganisation: 1000, years: 10, seed: options.seed };
  const scratch = options.log ? undefined : await mkdtemp(join(tmpdir(), 'domain-fold-'));
  const file = options.log ?? join(scratch as string, 'synthetic.sqlite');
  try {
    if (!existsSync(file)) {
      process.stderr.write(`domain-fold: generating ${size.organisations} trusts into ${file}…\n`);
      await generateInto(file, size);
    }
    const log = prepare(await readLog(file));
    const loadBefore = loadavg()[0];
    const passesCpuMs: number[] = [];
    let streams = 0;
    for (let pass = 0; pass < Math.max(1, options.passes); pass += 1) {
      const before = process.cpuUsage();
      streams = foldAll(log).size;
      passesCpuMs.push(Math.round(cpuMicrosSince(before) / 1000));
    }
    const cpuMs = [...passesCpuMs].sort((a, b) => a - b)[Math.floor(passesCpuMs.length / 2)];
    const timed = foldTimingEachEvent(log);
    const result = {
      events: log.length,
      streams,
      cpuMs,
      eventsPerCpuSecond: Math.round(log.length / (cpuMs / 1000)),
      passesCpuMs,
      perEventTypeCpuMs: timed.byType,
      perStreamCategoryCpuMs: timed.byCategory,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
