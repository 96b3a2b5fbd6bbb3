import { readCsvRecords } from './csv-records';
import { countLines, type ImportProgress } from './import-progress';
import type { ImportReport } from './import-report';

/**
 * Streams the data rows of one source file into `handle`, counting each in the report and telling `progress`
 * as it goes (a header row, when there is one, is neither handled nor counted).
 */
export async function eachSourceRow(
  path: string,
  file: string,
  options: { header: boolean },
  report: ImportReport,
  progress: ImportProgress,
  handle: (row: number, fields: readonly string[]) => void | Promise<void>,
): Promise<void> {
  const lines = await countLines(path);
  progress.fileStarted(file, options.header ? Math.max(0, lines - 1) : lines);
  for await (const { row, fields } of readCsvRecords(path, options)) {
    report.rowRead(file);
    await handle(row, fields);
    if (row % 500 === 0) progress.rowsDone(file, row);
  }
  progress.fileFinished(file);
}
