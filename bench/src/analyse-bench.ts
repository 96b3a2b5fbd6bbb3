import { performance } from 'node:perf_hooks';
import { analysisRows, calendarPeriods, METRIC_NAMES, replayLog } from '@orgchange/analysis';
import { type CalendarDate, eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';

export type AnalyseSpan = Readonly<{ from: CalendarDate; to: CalendarDate }>;

/** The ten years `orgchange synth` writes by default. */
export const SYNTHETIC_SPAN: AnalyseSpan = { from: '2015-01-01' as CalendarDate, to: '2024-12-31' as CalendarDate };

export type AnalyseBenchResult = Readonly<{
  /** Events in the log (the replay reads each twice: corrections first, then everything). */
  events: number;
  /** Replay plus every metric, wall clock. */
  seconds: number;
  /** `events` ÷ `seconds`: each event counted once, over the whole analysis. */
  eventsPerSec: number;
  /** The process's resident-set high-water mark, so run it in a process of its own (as analyse-huge does). */
  peakRssMiB: number;
  replaySeconds: number;
  metricsSeconds: number;
  rows: number;
}>;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * `orgchange analyse` without the CSV: the replay (old event versions upcast, as the CLI reads them) of the SQLite log at `file`, then every metric by
 * organisation kind, quarterly over `span`. Rows are counted and dropped, as writing them is disk, not analysis.
 */
export async function runAnalyseOverLog(file: string, span: AnalyseSpan = SYNTHETIC_SPAN): Promise<AnalyseBenchResult> {
  const started = performance.now();
  const store = new SqliteEventStore({ file, upcast: chainUpcasters(eventUpcasters) });
  const replayed = await replayLog(store);
  await store.close();
  const replayedAt = performance.now();
  let rows = 0;
  const periods = calendarPeriods(span.from, span.to, 'quarter');
  for (const _row of analysisRows(replayed.model, { periods, by: 'kind', metrics: METRIC_NAMES, minGroup: 5 })) rows += 1;
  const finished = performance.now();
  const seconds = (finished - started) / 1000;
  return {
    events: replayed.eventsInLog,
    seconds: round2(seconds),
    eventsPerSec: Math.round(replayed.eventsInLog / seconds),
    // resourceUsage().maxRSS is in KiB on Linux.
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    replaySeconds: round2((replayedAt - started) / 1000),
    metricsSeconds: round2((finished - replayedAt) / 1000),
    rows,
  };
}
