import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { AnalysisRow } from './analysis-rows';

export const CSV_COLUMNS = ['period_start', 'period_end', 'group', 'metric', 'value', 'suppressed'] as const;
export const CSV_FILE = 'metrics.csv';
export const SUMMARY_FILE = 'summary.json';

const toRecord = (row: AnalysisRow): string[] => [row.periodStart, row.periodEnd, row.group, row.metric, row.value === null ? '' : String(row.value), String(row.suppressed)];

/** Streams rows into `<dir>/metrics.csv` (tidy: one row per period × group × metric), honouring back-pressure. */
export async function writeRowsCsv(dir: string, rows: Iterable<AnalysisRow>): Promise<number> {
  const csv = stringify({ header: true, columns: [...CSV_COLUMNS] });
  const written = pipeline(csv, createWriteStream(join(dir, CSV_FILE)));
  let count = 0;
  for (const row of rows) {
    count += 1;
    if (!csv.write(toRecord(row))) await once(csv, 'drain');
  }
  csv.end();
  await written;
  return count;
}

/** Writes `<dir>/summary.json`: what was asked, what was read, how fast, and what each metric means. */
export async function writeSummary(dir: string, summary: Readonly<Record<string, unknown>>): Promise<void> {
  await writeFile(join(dir, SUMMARY_FILE), `${JSON.stringify(summary, null, 2)}\n`);
}
