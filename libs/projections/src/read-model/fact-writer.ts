import type { Database, Statement } from 'better-sqlite3';
import { type FactRow, type FactTable, ROW_IDENTITY } from './fact-row';

type Version = { row: FactRow; from: number; to: number | null };

/**
 * Writes fact rows with their recorded time: `add` says the record now holds a row, `end` that it no longer
 * holds the current version of a row. Writes wait in memory until `flush` (call it before the transaction
 * commits), so a row added and ended between two flushes is inserted once with both recorded times instead
 * of inserted and then updated. Statements are prepared once per table and shape.
 */
export class FactWriter {
  /** The insert of each table, for the columns its rows have (every row of a table is built with the same ones). */
  private readonly inserts = new Map<FactTable, { columns: readonly string[]; statement: Statement }>();
  private readonly ends = new Map<FactTable, Statement>();
  /** Rows added since the last flush and still current, by key. */
  private readonly open = new Map<string, Version>();
  /** Rows added and ended since the last flush. */
  private readonly closed: Version[] = [];

  constructor(private readonly db: Database) {}

  add(row: FactRow, position: number): void {
    this.open.set(row.key, { row, from: position, to: null });
  }

  end(row: FactRow, position: number): void {
    const version = this.open.get(row.key);
    if (version) {
      this.open.delete(row.key);
      version.to = position;
      this.closed.push(version);
      return;
    }
    // Added before the last flush: the current version is in the table.
    this.endStatement(row.table).run(position, ...ROW_IDENTITY[row.table].map((c) => row.values[c]));
  }

  /** Inserts every row waiting since the last flush. */
  flush(): void {
    for (const version of this.closed) this.insert(version);
    for (const version of this.open.values()) this.insert(version);
    this.closed.length = 0;
    this.open.clear();
  }

  /** Forgets the writes since the last flush (their transaction rolled back). */
  discard(): void {
    this.closed.length = 0;
    this.open.clear();
  }

  private insert({ row, from, to }: Version): void {
    let insert = this.inserts.get(row.table);
    if (!insert || !hasExactly(row.values, insert.columns)) insert = this.prepareInsert(row);
    const { columns } = insert;
    const values = new Array<string | number | null>(columns.length + 2);
    for (let i = 0; i < columns.length; i += 1) values[i] = row.values[columns[i]];
    values[columns.length] = from;
    values[columns.length + 1] = to;
    insert.statement.run(values);
  }

  private prepareInsert(row: FactRow): { columns: readonly string[]; statement: Statement } {
    const columns = Object.keys(row.values);
    const statement = this.db.prepare(`INSERT INTO ${row.table} (${columns.join(', ')}, recorded_from, recorded_to) VALUES (${columns.map(() => '?').join(', ')}, ?, ?)`);
    const insert = { columns, statement };
    this.inserts.set(row.table, insert);
    return insert;
  }

  private endStatement(table: FactTable): Statement {
    let end = this.ends.get(table);
    if (!end) {
      end = this.db.prepare(`UPDATE ${table} SET recorded_to = ? WHERE ${ROW_IDENTITY[table].map((c) => `${c} = ?`).join(' AND ')} AND recorded_to IS NULL`);
      this.ends.set(table, end);
    }
    return end;
  }
}

function hasExactly(values: FactRow['values'], columns: readonly string[]): boolean {
  let count = 0;
  for (const _ in values) count += 1;
  if (count !== columns.length) return false;
  for (const column of columns) if (!(column in values)) return false;
  return true;
}
