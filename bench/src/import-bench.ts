import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analysisRows, calendarPeriods, METRIC_NAMES, replayLog } from '@orgchange/analysis';
import type { CalendarDate } from '@orgchange/domain';
import { SqliteEventStore } from '@orgchange/event-store';
import { importNhsOds } from '@orgchange/importers';

export type ImportResult = { odsImportSeconds: number; odsImportRows: number; odsImportEvents: number; odsImportRowsPerSec: number };

/** The shared NHS ODS extracts, beside the project. */
export const ODS_DIR = resolve(__dirname, '..', '..', '..', '..', 'shared', 'data', 'nhs-ods');

/**
 * The full NHS ODS import (all five files) into a fresh database on the store's defaults (WAL,
 * synchronous=FULL), timed from opening the store to the last commit; the file is kept for the analyse bench.
 * Skipped when the data is not there.
 */
export async function runImportBench(dir: string): Promise<{ result: ImportResult; file: string } | undefined> {
  if (!existsSync(ODS_DIR)) return undefined;
  process.stderr.write('bench: NHS ODS import…\n');
  const file = join(dir, 'ods.sqlite');
  const started = performance.now();
  const store = new SqliteEventStore({ file });
  const report = await importNhsOds(store, ODS_DIR);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const rows = Object.values(report.rowsRead).reduce((a, b) => a + b, 0);
  return { result: { odsImportSeconds: Math.round(seconds * 100) / 100, odsImportRows: rows, odsImportEvents: report.eventsAppended, odsImportRowsPerSec: Math.round(rows / seconds) }, file };
}

export type AnalyseResult = { odsAnalyseSeconds: number; odsAnalyseRows: number; odsAnalyseEventsPerSec: number };

/**
 * `orgchange analyse` over the imported NHS ODS history, 2013–2025 by quarter and by kind, every metric:
 * the replay of the log and the computation of every row (CSV writing is left out: it is disk, not analysis).
 */
export async function runAnalyseBench(odsFile: string): Promise<AnalyseResult> {
  process.stderr.write('bench: analyse over the NHS ODS history…\n');
  const started = performance.now();
  const store = new SqliteEventStore({ file: odsFile });
  const replayed = await replayLog(store);
  await store.close();
  let rows = 0;
  const periods = calendarPeriods('2013-01-01' as CalendarDate, '2025-12-31' as CalendarDate, 'quarter');
  for (const _row of analysisRows(replayed.model, { periods, by: 'kind', metrics: METRIC_NAMES, minGroup: 5 })) rows += 1;
  const seconds = (performance.now() - started) / 1000;
  return { odsAnalyseSeconds: Math.round(seconds * 100) / 100, odsAnalyseRows: rows, odsAnalyseEventsPerSec: Math.round(replayed.eventsInLog / seconds) };
}
