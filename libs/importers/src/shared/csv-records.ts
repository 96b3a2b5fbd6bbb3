import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/** One data record of a CSV file: its number among the data rows (from 1; a header row is not counted) and its fields. */
export type CsvRecord = Readonly<{ row: number; fields: readonly string[] }>;

/**
 * Streams the records of a CSV file without loading it whole. ODS files have no header row; IfG files have one
 * (`header: true` skips it and `columns` then names the fields). Line endings may be CRLF or LF.
 */
export async function* readCsvRecords(file: string, options: { header: boolean }): AsyncGenerator<CsvRecord> {
  const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, from_line: options.header ? 2 : 1 }));
  let row = 0;
  for await (const fields of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, fields };
  }
}

/** The header of a CSV file with a header row: column name → index. */
export async function readCsvHeader(file: string): Promise<ReadonlyMap<string, number>> {
  const parser = createReadStream(file).pipe(parse({ bom: true, to_line: 1 }));
  for await (const fields of parser as AsyncIterable<string[]>) return new Map(fields.map((name, i) => [name.trim(), i]));
  throw new Error(`${file} is empty: expected a header row`);
}
