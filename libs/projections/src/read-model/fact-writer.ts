import type { Database, Statement } from 'better-sqlite3';
import { type FactRow, type FactTable, ROW_IDENTITY } from './fact-row';

/**
 * Writes fact rows with their recorded time: `add` inserts a row the record now says, `end` closes the
 * current version of a row the record no longer says. Statements are prepared once per table.
 */
export class FactWriter {
  private readonly inserts = new Map<string, Statement>();
  private readonly ends = new Map<FactTable, Statement>();

  constructor(private readonly db: Database) {}

  add(row: FactRow, position: number): void {
    const columns = Object.keys(row.values);
    const signature = `${row.table}(${columns.join(',')})`;
    let insert = this.inserts.get(signature);
    if (!insert) {
      insert = this.db.prepare(`INSERT INTO ${row.table} (${columns.join(', ')}, recorded_from) VALUES (${columns.map(() => '?').join(', ')}, ?)`);
      this.inserts.set(signature, insert);
    }
    insert.run(...columns.map((c) => row.values[c]), position);
  }

  end(row: FactRow, position: number): void {
    let end = this.ends.get(row.table);
    if (!end) {
      const identity = ROW_IDENTITY[row.table];
      end = this.db.prepare(`UPDATE ${row.table} SET recorded_to = ? WHERE ${identity.map((c) => `${c} = ?`).join(' AND ')} AND recorded_to IS NULL`);
      this.ends.set(row.table, end);
    }
    end.run(position, ...ROW_IDENTITY[row.table].map((c) => row.values[c]));
  }
}
