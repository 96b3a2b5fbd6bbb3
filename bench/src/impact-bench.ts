import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type CalendarDate, addDays } from '@orgchange/domain';
import { SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, LeadershipReader, type StructureView, type UnitView } from '@orgchange/projections';
import { type ImpactChange, ImpactAnalyser } from '@orgchange/workflow';
import { generateInto, type SyntheticSize } from './synthetic-bench';

export type ImpactBenchResult = Readonly<{
  /** The first analysis on a fresh analyser: every structure read from the read model, nothing cached. */
  impactFirstMs: number;
  /** Median and slowest of the repeated analyses (each starts with no structures, as a request would). */
  impactMedianMs: number;
  impactMaxMs: number;
  impact: Readonly<Record<string, unknown>>;
}>;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/**
 * Impact analysis of a programme over a synthetic trust (issue 6 target: 1,000 posts in ≤ 500 ms on the embedded
 * store): half the posts abolished and half retitled, all on the day after the history ends, analysed through
 * the leadership read model (built before timing starts) `runs` times.
 */
export async function runImpactBench(dir: string, size: SyntheticSize, options: { posts?: number; runs?: number } = {}): Promise<ImpactBenchResult> {
  const file = join(dir, 'impact.sqlite');
  log(`impact: generating ${size.organisations} trust(s) × ${size.postsPerOrganisation} posts × ${size.years} years (seed ${size.seed})…`);
  const counts = await generateInto(file, size);
  const store = new SqliteEventStore({ file });
  try {
    const projector = new LeadershipProjector(store);
    await projector.rebuild();
    const reader = new LeadershipReader(store, projector);
    const lastDay = `${2015 + size.years - 1}-12-31` as CalendarDate;
    const view = await reader.structure(counts.organisationIds[0], lastDay);
    if (!view.ok) throw new Error(`impact bench: ${view.message}`);
    const changes = plannedChanges(view.value, addDays(lastDay, 1), options.posts ?? 1000);
    log(`impact: analysing ${changes.length} planned post changes ${options.runs ?? 10} times…`);
    const timings: number[] = [];
    let recipients = 0;
    let unresolved = 0;
    for (let run = 0; run < (options.runs ?? 10); run += 1) {
      const started = performance.now();
      const impact = await new ImpactAnalyser(reader).analyse(changes);
      timings.push(performance.now() - started);
      recipients = impact.recipients.length;
      unresolved = impact.unresolved.length;
    }
    const repeated = [...timings.slice(1)].sort((a, b) => a - b);
    return {
      impactFirstMs: round3(timings[0]),
      impactMedianMs: round3(repeated[Math.floor(repeated.length / 2)] ?? timings[0]),
      impactMaxMs: round3(Math.max(...timings)),
      impact: { organisationId: counts.organisationIds[0], postsInStructure: view.value.counts.posts, plannedChanges: changes.length, recipients, unresolved, runs: timings.length },
    };
  } finally {
    await store.close();
  }
}

/** Every other post abolished, the rest retitled, up to `limit` posts of the structure. */
function plannedChanges(view: StructureView, effectiveFrom: CalendarDate, limit: number): ImpactChange[] {
  const postIds = allUnits(view.units).flatMap((u) => u.posts.map((p) => p.postId)).slice(0, limit);
  return postIds.map((postId, i) =>
    i % 2 === 0
      ? { changeId: `abolish-${postId}`, command: { type: 'AbolishPost', data: { postId, effectiveFrom } } }
      : { changeId: `retitle-${postId}`, command: { type: 'RetitlePost', data: { postId, title: `Retitled ${i}`, effectiveFrom } } },
  );
}

const allUnits = (units: readonly UnitView[]): UnitView[] => units.flatMap((u) => [u, ...allUnits(u.children)]);

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** `node dist/bench/src/impact-bench.js` runs it alone on one trust of 1,000 posts over ten years. */
if (require.main === module) {
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-impact-bench-'));
  runImpactBench(dir, { organisations: 1, postsPerOrganisation: 1000, years: 10, seed: 1 })
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
