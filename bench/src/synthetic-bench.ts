import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type CalendarDate, organisationStream } from '@orgchange/domain';
import { SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, StructureQuery } from '@orgchange/projections';
import { generateSyntheticHistory, SimulatedClock, type SyntheticHistoryCounts } from '@orgchange/synth';
import { type ColdAnswer, coldStructure } from './cold-structure';
import { measureRebuildFloor } from './rebuild-floor';
import { seededRandom } from './workload';

export type SyntheticSize = Readonly<{ organisations: number; postsPerOrganisation: number; years: number; seed: number }>;

export type SyntheticResult = Readonly<{
  projectionRebuildEventsPerSec: number;
  projectionRebuildEvents: number;
  structureWarmMeanMs: number;
  structureWarmP99Ms: number;
  structureColdMs: number;
  synthetic: Readonly<Record<string, unknown>>;
}>;

const START = '2015-01-01' as CalendarDate;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/**
 * Generates a synthetic history into `file` (not measured; bulk-loaded with synchronous=NORMAL). Returns the
 * counts; `file` is then a plain store file any process can open.
 */
export async function generateInto(file: string, size: SyntheticSize): Promise<SyntheticHistoryCounts & { seconds: number }> {
  const clock = new SimulatedClock();
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL', now: clock.now });
  const started = performance.now();
  let reported = 0;
  const counts = await generateSyntheticHistory(store, {
    ...size,
    clock,
    onProgress: (p) => {
      if (p.fraction - reported < 0.1) return;
      reported = p.fraction;
      log(`synthetic history ${Math.round(p.fraction * 100)}% (${p.events} events)`);
    },
  });
  await store.close();
  return { ...counts, seconds: round3((performance.now() - started) / 1000) };
}

/**
 * The leadership projection over a synthetic log: a full rebuild (the projector's defaults: stream by stream into
 * shadow tables committed every 20,000 events with synchronous=NORMAL, then indexed and swapped in), then 1,000 warm structure queries for one ~1,000-post trust at
 * seeded random dates and positions, then three cold answers for that trust straight from the log, then the
 * rebuild's floor on this machine (`measureRebuildFloor`).
 */
export async function runSyntheticBench(dir: string, size: SyntheticSize): Promise<SyntheticResult> {
  const file = join(dir, 'synthetic.sqlite');
  log(`generating ${size.organisations} trusts × ${size.postsPerOrganisation} posts × ${size.years} years (seed ${size.seed})…`);
  const counts = await generateInto(file, size);
  const store = new SqliteEventStore({ file });
  try {
    log(`rebuilding the leadership projection over ${counts.events} events…`);
    const loadBefore = loadavg()[0];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const rebuilt = await new LeadershipProjector(store).rebuild();
    const rebuildSeconds = (performance.now() - started) / 1000;
    const rebuildCpuSeconds = cpuSecondsSince(cpuBefore);
    const organisationId = counts.organisationIds[0];
    log('1,000 warm structure queries, then 3 cold answers…');
    const warm = await warmStructures(store, organisationId, size.years);
    const end = addYearsToStart(size.years);
    const cold: ColdAnswer[] = [];
    for (let i = 0; i < 3; i += 1) cold.push(await coldStructure(store, organisationId, end));
    const coldMs = [...cold].sort((a, b) => a.ms - b.ms)[1];
    log('the rebuild\'s floor: reading, folding, and writing and indexing its rows, each alone…');
    const rebuildFloor = measureRebuildFloor(file, join(dir, 'floor.sqlite'));
    return {
      projectionRebuildEventsPerSec: Math.round(rebuilt.applied / rebuildSeconds),
      projectionRebuildEvents: rebuilt.applied,
      structureWarmMeanMs: warm.meanMs,
      structureWarmP99Ms: warm.p99Ms,
      structureColdMs: coldMs.ms,
      synthetic: {
        ...size,
        events: counts.events,
        units: counts.units,
        posts: counts.posts,
        people: counts.people,
        appointments: counts.appointments,
        corrections: counts.corrections,
        generateSeconds: counts.seconds,
        rebuildSeconds: round3(rebuildSeconds),
        // The machine is shared: CPU seconds of this process, and the 1-minute load average, show how much of the
        // wall time was spent waiting for a core (a load above the core count means figures are pessimistic).
        rebuildCpuSeconds: round3(rebuildCpuSeconds),
        rebuildEventsPerCpuSecond: Math.round(rebuilt.applied / rebuildCpuSeconds),
        // Wall and CPU milliseconds of loading the shadow tables, ordering rm_changes, and the swap with its index builds.
        rebuildPhases: rebuilt.phases,
        loadAverage: { beforeRebuild: round3(loadBefore), afterWarm: round3(loadavg()[0]), cores: availableParallelism() },
        queriedOrganisationId: organisationId,
        warm: { queries: warm.queries, answered: warm.answered, meanPostsPerAnswer: warm.meanPosts, firstAnswerMs: warm.firstAnswerMs, p50Ms: warm.p50Ms, maxMs: warm.maxMs, cpuMsPerQuery: warm.cpuMsPerQuery },
        cold: { median: coldMs, runsMs: cold.map((c) => c.ms) },
        rebuildFloor,
      },
    };
  } finally {
    await store.close();
  }
}

/** 1,000 structure queries at seeded random valid dates and recorded positions from the trust's first event on, after one that fills the cache. */
async function warmStructures(store: SqliteEventStore, organisationId: string, years: number, queries = 1000) {
  const random = seededRandom(7);
  const first = Number((await store.readStream(organisationStream(organisationId)))[0].globalPosition);
  const last = await store.count();
  const days = Math.round((Date.parse(addYearsToStart(years)) - Date.parse(START)) / 86_400_000);
  const points: { at: CalendarDate; position: number; knownAt: string }[] = [];
  for (let i = 0; i < queries; i += 1) {
    const position = first + Math.floor(random() * (last - first + 1));
    const [event] = await store.readAll({ after: BigInt(position - 1), limit: 1 });
    points.push({ at: new Date(Date.parse(START) + Math.floor(random() * days) * 86_400_000).toISOString().slice(0, 10) as CalendarDate, position, knownAt: event.recordedAt });
  }
  const query = new StructureQuery(store.database);
  // The first answer reads the trust's rows into the query's cache: timed apart, so the 1,000 below are warm ones.
  const firstStarted = performance.now();
  query.structure(organisationId, points[0], points[0].knownAt);
  const firstAnswerMs = round3(performance.now() - firstStarted);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  let answered = 0;
  let posts = 0;
  for (const point of points) {
    const started = performance.now();
    const view = query.structure(organisationId, point, point.knownAt);
    latencies.push(performance.now() - started);
    if (view) {
      answered += 1;
      posts += view.counts.posts;
    }
  }
  const cpuMsPerQuery = round3((cpuSecondsSince(cpuBefore) * 1000) / queries);
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, l) => sum + l, 0) / latencies.length;
  const p50Ms = round3(latencies[Math.ceil(latencies.length * 0.5) - 1]);
  const maxMs = round3(latencies[latencies.length - 1]);
  return { queries, answered, meanPosts: Math.round(posts / Math.max(answered, 1)), firstAnswerMs, meanMs: round3(mean), p50Ms, p99Ms: round3(latencies[Math.ceil(latencies.length * 0.99) - 1]), maxMs, cpuMsPerQuery };
}

/** The last day of a history of `years` from 2015-01-01. */
const addYearsToStart = (years: number): CalendarDate => `${2015 + years - 1}-12-31` as CalendarDate;

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** User + system CPU time of this process since `before`, in seconds. */
function cpuSecondsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}
