import type { Database, Statement } from 'better-sqlite3';

/** Rows per multi-row INSERT: large enough that a statement's call cost is shared, small enough to stay under SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 64;

/**
 * Inserts rows into one table, `ROWS_PER_STATEMENT` rows per statement, from one flat array of bound values that
 * is reused: a row costs its values and no objects. Rows wait until a batch is full or until `flush`, which the
 * caller runs before committing.
 */
export class BulkInsert {
  private readonly full: Statement;
  private readonly values: (string | number | null)[];
  private readonly width: number;
  private count = 0;
  private written = 0;

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly conflict = '',
  ) {
    this.width = columns.length;
    this.values = new Array<string | number | null>(this.width * ROWS_PER_STATEMENT).fill(null);
    this.full = this.prepare(ROWS_PER_STATEMENT);
  }

  /** Starts a row: its values follow with `value`, in column order. */
  value(v: string | number | null): void {
    this.values[this.count++] = v;
    if (this.count === this.values.length) {
      this.full.run(this.values);
      this.written += ROWS_PER_STATEMENT;
      this.count = 0;
    }
  }

  /** Inserts the rows still waiting. */
  flush(): void {
    if (this.count === 0) return;
    const rows = this.count / this.width;
    this.prepare(rows).run(this.values.slice(0, this.count));
    this.written += rows;
    this.count = 0;
  }

  /** Rows inserted so far. */
  get rows(): number {
    return this.written;
  }

  private prepare(rows: number): Statement {
    const row = `(${this.columns.map(() => '?').join(', ')})`;
    return this.db.prepare(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}${this.conflict}`);
  }
}
