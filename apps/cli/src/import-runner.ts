import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, type EventStore, SqliteEventStore } from '@orgchange/event-store';
import type { ImportProgress, ImportReport } from '@orgchange/importers';
import { CliError } from './cli-error';

/**
 * Runs one importer against the database: checks that every file it needs is in `dir` before anything is
 * appended, draws a progress bar per file on stderr, and prints the report as one JSON object on stdout.
 * Rejected rows do not fail the command (they are in the report); a missing file or directory does.
 */
export async function runImport(
  options: { db: string; dir: string },
  files: readonly string[],
  importer: (store: EventStore, dir: string, progress: ImportProgress) => Promise<ImportReport>,
): Promise<void> {
  if (!existsSync(options.dir) || !statSync(options.dir).isDirectory()) throw new CliError(`--dir ${options.dir} is not a directory`, 1);
  const missing = files.filter((file) => !existsSync(join(options.dir, file)));
  if (missing.length > 0) throw new CliError(`--dir ${options.dir} lacks ${missing.join(', ')}: nothing was imported`, 1);
  mkdirSync(dirname(options.db), { recursive: true });
  const store = new SqliteEventStore({ file: options.db, upcast: chainUpcasters(eventUpcasters) });
  const bar = new SingleBar({ stream: process.stderr, format: '{file} |{bar}| {value}/{total} rows', hideCursor: true }, Presets.shades_classic);
  const progress: ImportProgress = {
    fileStarted: (file, rows) => bar.start(rows, 0, { file: file.padEnd(16) }),
    rowsDone: (_file, rows) => bar.update(rows),
    fileFinished: () => {
      bar.update(bar.getTotal());
      bar.stop();
    },
  };
  const started = performance.now();
  try {
    const report = await importer(store, options.dir, progress);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(JSON.stringify({ db: options.db, dir: options.dir, seconds, ...report.toJSON() }, null, 2));
    console.error(`imported ${report.factsAppended} facts (${report.eventsAppended} events), ${report.factsAlreadyImported} already in the log, ${report.rowsRejected} rows rejected (see "rejections") in ${seconds} s`);
  } finally {
    bar.stop();
    await store.close();
  }
}
