import { join } from 'node:path';
import { readCsvHeader } from '../shared/csv-records';
import { eachSourceRow } from '../shared/each-source-row';
import type { ImportReport } from '../shared/import-report';
import type { ImportProgress } from '../shared/import-progress';
import { isRowProblem, type RowProblem } from '../shared/row-problem';
import type { IfgRecord } from './ifg-rows';

/** The IfG tables the importer reads, with the columns it needs from each (others are ignored). */
export const IFG_TABLES = {
  'organisation.csv': ['id', 'name', 'short_name', 'start_date', 'end_date'],
  'organisation_link.csv': ['predecessor_organisation_id', 'successor_organisation_id', 'type', 'link_start_date', 'link_end_date'],
  'post.csv': ['id', 'organisation_id', 'name', 'rank_equivalence'],
  'person.csv': ['id', 'name', 'display_name', 'start_date', 'end_date'],
  'appointment.csv': ['id', 'person_id', 'post_id', 'start_date', 'end_date'],
  'appointment_characteristics.csv': ['appointment_id', 'is_acting', 'is_on_leave', 'start_date', 'end_date'],
} as const;
export type IfgTable = keyof typeof IFG_TABLES;
export const IFG_MINISTERS_FILES = Object.keys(IFG_TABLES) as IfgTable[];

/** A file whose header lacks a column the importer needs: thrown before anything is appended. */
export class IfgFormatError extends Error {
  constructor(file: string, missing: readonly string[]) {
    super(`${file} lacks the column(s) ${missing.join(', ')}: is this the IfG Ministers Database? nothing was imported`);
    this.name = 'IfgFormatError';
  }
}

/** Checks every table's header, so a wrong file stops the import before its first event. */
export async function checkIfgHeaders(dir: string): Promise<void> {
  for (const file of IFG_MINISTERS_FILES) {
    const header = await readCsvHeader(join(dir, file));
    const missing = IFG_TABLES[file].filter((column) => !header.has(column));
    if (missing.length > 0) throw new IfgFormatError(file, missing);
  }
}

/**
 * Reads a whole table (the IfG files are small) and parses each row; a row the parser refuses is reported as
 * rejected and left out.
 */
export async function readIfgTable<T extends object>(
  dir: string,
  file: IfgTable,
  parse: (record: IfgRecord) => T | RowProblem,
  report: ImportReport,
  progress: ImportProgress,
): Promise<T[]> {
  const path = join(dir, file);
  const header = await readCsvHeader(path);
  const parsed: T[] = [];
  await eachSourceRow(path, file, { header: true }, report, progress, (row, fields) => {
    const value = parse({ row, field: (column) => fields[header.get(column)!] ?? '' });
    if (isRowProblem(value)) report.reject({ file, row, ...value });
    else parsed.push(value);
  });
  return parsed;
}
