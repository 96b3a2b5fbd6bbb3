import { Presets, SingleBar } from 'cli-progress';
import { type AnalysisRow, analysisRows, calendarPeriods, replayLog, type ReplayResult } from '@orgchange/analysis';
import type { PeriodOptions } from './analyse-options';
import { openExistingStore } from './store-option';

/** Replays the database's log into the analysis model, with a progress bar on stderr. */
export async function replayWithProgress(db: string, knownAt: string | undefined): Promise<ReplayResult> {
  const store = openExistingStore(db);
  const bar = new SingleBar({ stream: process.stderr, format: 'replay |{bar}| {percentage}% | pass {pass} of 2 | {value}/{total} events', hideCursor: true }, Presets.shades_classic);
  try {
    const total = await store.count();
    bar.start(2 * total, 0, { pass: 1 });
    const result = await replayLog(store, { knownAt, total, onProgress: (p) => bar.update((p.pass - 1) * total + p.read, { pass: p.pass }) });
    bar.update(2 * total);
    return result;
  } finally {
    bar.stop();
    await store.close();
  }
}

/** The rows of `metrics` over the options' periods, lazily, period by period. */
export function rowsOf(replayed: ReplayResult, o: PeriodOptions, metrics: readonly string[]): Iterable<AnalysisRow> {
  return analysisRows(replayed.model, { periods: calendarPeriods(o.from, o.to, o.every), by: o.by, metrics, minGroup: o.minGroup });
}
