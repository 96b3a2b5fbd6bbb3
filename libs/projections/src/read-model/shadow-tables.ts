import type { Database } from 'better-sqlite3';
import { READ_MODEL_TABLES } from './read-model.schema';

/** The prefix of a read-model table's shadow: `rm_units` is rebuilt into `rebuilding_rm_units`. */
const SHADOW = 'rebuilding_';

export type ReadModelTable = (typeof READ_MODEL_TABLES)[number];

/** Left by a rebuild of an earlier version, cut short: it copied rm_changes into key order through this table. */
const EARLIER_ORDERING_TABLE = `${SHADOW}ordered_rm_changes`;

/** The shadow a rebuild writes instead of `table`. */
export const shadowOf = (table: ReadModelTable): string => `${SHADOW}${table}`;

/**
 * Creates an empty shadow of every read-model table, with the table's own definition (columns, constraints,
 * WITHOUT ROWID) but none of its indexes: rows are loaded first and indexed once, in `swapInShadowTables`.
 * Shadows left by a rebuild that was cut short are dropped first. The live tables are not touched.
 */
export function createShadowTables(db: Database): void {
  db.transaction(() => {
    dropShadowTables(db);
    for (const table of READ_MODEL_TABLES) db.exec(definitionOf(db, table).replace(tableNamePattern(table), `CREATE TABLE ${shadowOf(table)}`));
  }).immediate();
}

/** Drops any shadow tables (a rebuild cut short leaves them; they are never read). */
export function dropShadowTables(db: Database): void {
  for (const table of READ_MODEL_TABLES) db.exec(`DROP TABLE IF EXISTS main.${shadowOf(table)}`);
  db.exec(`DROP TABLE IF EXISTS main.${EARLIER_ORDERING_TABLE}`);
}

/**
 * Replaces every live read-model table by its shadow in one transaction, with the live tables' indexes built
 * again on the new rows, and runs `within` in that transaction (it records the checkpoint the shadows are at).
 * Readers see the old read model or the new one, never a mix; a crash before the commit leaves the old one.
 */
export function swapInShadowTables(db: Database, within: () => void): void {
  withSorting(db, () => {
    const indexes = db
      .prepare<string[], { sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${READ_MODEL_TABLES.map(() => '?').join(', ')})`)
      .all(...READ_MODEL_TABLES)
      .map((row) => row.sql);
    for (const table of READ_MODEL_TABLES) {
      db.exec(`DROP TABLE ${table}`);
      db.exec(`ALTER TABLE ${shadowOf(table)} RENAME TO ${table}`);
    }
    for (const sql of indexes) db.exec(sql);
    within();
  });
}

/**
 * Sorting memory (page cache) and helper threads for SQLite's sorter while indexes are built.
 * Each sorting thread may hold about this much: with 128 MiB a 2-million-event rebuild peaked at 684 MiB of RSS,
 * with 64 MiB at 505 MiB, for about the same CPU time.
 */
const SORT_CACHE_KIB = 64 * 1024;
const SORT_THREADS = 2;

/**
 * Runs `run` in an immediate transaction with room to sort: a bigger page cache (the sorter spills to temporary
 * files beyond it) and helper threads, so a 10-million-event read model's indexes sort in memory-bounded runs on
 * both cores. The connection's own settings are restored afterwards.
 */
function withSorting(db: Database, run: () => void): void {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma(`cache_size = -${Math.max(SORT_CACHE_KIB, -cache)}`);
  db.pragma(`threads = ${SORT_THREADS}`);
  try {
    db.transaction(run).immediate();
  } finally {
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`threads = ${threads}`);
  }
}

function definitionOf(db: Database, table: string): string {
  const row = db.prepare<[string], { sql: string }>("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!row) throw new Error(`read-model table ${table} is missing: migrateReadModel must run first`);
  return row.sql;
}

/** `CREATE TABLE [IF NOT EXISTS] <table>` as SQLite stored it, quoted or not. */
const tableNamePattern = (table: string): RegExp => new RegExp(`^CREATE TABLE (IF NOT EXISTS )?["'\`\\[]?${table}["'\`\\]]?`, 'i');
