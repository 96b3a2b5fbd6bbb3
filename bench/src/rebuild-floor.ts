import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { READ_MODEL_TABLES } from '@orgchange/projections';
// The bench measures the rebuild's own steps apart, so it reaches past the library's public surface.
import { LogPages, LOG_ROW, type LogRow, StreamGrouper, StreamOrderCursor } from '../../libs/projections/src/projector/log-pages';
import { StreamReplay } from '../../libs/projections/src/projector/stream-replay';

/** Wall and CPU milliseconds of one step. */
export type StepCost = Readonly<{ ms: number; cpuMs: number }>;

export type RebuildFloor = Readonly<{
  events: number;
  readGlobalOrder: StepCost;
  readStreamOrder: StepCost;
  /** Read in stream order and replayed through the rebuild's fold, with every row thrown away: minus the read, the projection's own cost. */
  readStreamOrderAndProject: StepCost;
  project: StepCost;
  rows: number;
  /** The rebuilt read model's rows copied by SQLite itself (no JavaScript, no journal, no fsync) into an empty file. */
  insertRows: StepCost;
  /** Every read-model index built on those rows (two sorter threads). */
  buildIndexes: StepCost;
  cores: number;
  /**
   * The fastest any rebuild producing this read model could go on this machine if every step above ran at the
   * cost measured, with the cheapest read (global order), and all of them shared perfectly between the cores:
   * events ÷ (CPU of read + project + insert + index ÷ cores). An upper bound, not an estimate.
   */
  ceilingEventsPerSec: number;
  /** The same with the writes alone (as if reading and projecting cost nothing). */
  writesOnlyCeilingEventsPerSec: number;
}>;

/**
 * Measures what a rebuild of the leadership read model cannot go below on this machine, from a store file whose
 * read model has just been rebuilt: reading the log, folding it, and SQLite writing and indexing the rows it
 * produces. `scratchFile` is created and removed.
 */
export function measureRebuildFloor(file: string, scratchFile: string): RebuildFloor {
  const db = new Database(file, { readonly: true });
  try {
    const log = new LogPages(db);
    const head = db.prepare('SELECT max(global_position) FROM events').pluck().get() as number;
    const readGlobalOrder = timed(() => readGlobal(log));
    const readStreamOrder = timed(() => walkStreams(log, head, () => undefined));
    const discard = { version: () => undefined, person: () => undefined, change: () => undefined, employment: () => undefined };
    const replay = new StreamReplay(discard, discard);
    const readStreamOrderAndProject = timed(() => walkStreams(log, head, (stream) => replay.replay(stream.map((row) => log.event(row)))));
    const project = { ms: readStreamOrderAndProject.ms - readStreamOrder.ms, cpuMs: readStreamOrderAndProject.cpuMs - readStreamOrder.cpuMs };
    const { rows, insertRows, buildIndexes } = copyReadModel(file, scratchFile);
    const cores = availableParallelism();
    const events = head;
    const writesCpu = insertRows.cpuMs + buildIndexes.cpuMs;
    return {
      events,
      readGlobalOrder,
      readStreamOrder,
      readStreamOrderAndProject,
      project,
      rows,
      insertRows,
      buildIndexes,
      cores,
      ceilingEventsPerSec: Math.round(events / ((readGlobalOrder.cpuMs + project.cpuMs + writesCpu) / cores / 1000)),
      writesOnlyCeilingEventsPerSec: Math.round(events / (writesCpu / cores / 1000)),
    };
  } finally {
    db.close();
  }
}

function readGlobal(log: LogPages): void {
  let after = 0n;
  for (;;) {
    const rows = log.after(after, 2000);
    if (rows.length === 0) return;
    for (const row of rows) log.event(row);
    after = BigInt(rows[rows.length - 1][LOG_ROW.position]);
  }
}

/** Every stream's rows, in stream order, handed over one stream at a time. */
function walkStreams(log: LogPages, head: number, onStream: (rows: readonly LogRow[]) => void): void {
  const cursor = new StreamOrderCursor(log, head, 2000);
  const streams = new StreamGrouper();
  while (!cursor.done) for (const row of cursor.next()) streams.add(row, onStream);
  streams.end(onStream);
}

function copyReadModel(file: string, scratchFile: string): { rows: number; insertRows: StepCost; buildIndexes: StepCost } {
  removeDatabase(scratchFile);
  const scratch = new Database(scratchFile);
  try {
    scratch.pragma('journal_mode = OFF');
    scratch.pragma('synchronous = OFF');
    scratch.exec(`ATTACH DATABASE '${file.replaceAll("'", "''")}' AS source`);
    const names = READ_MODEL_TABLES.map((t) => `'${t}'`).join(', ');
    const tables = scratch.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM source.sqlite_master WHERE type = 'table' AND name IN (${names})`).all();
    const indexes = scratch.prepare<[], { sql: string }>(`SELECT sql FROM source.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${names})`).pluck().all() as unknown as string[];
    for (const table of tables) scratch.exec(table.sql);
    let rows = 0;
    // WHERE 1 keeps SQLite from copying the pages whole (its transfer optimisation): each row is inserted.
    const insertRows = timed(() => scratch.transaction(() => tables.forEach((t) => (rows += scratch.prepare(`INSERT INTO main.${t.name} SELECT * FROM source.${t.name} WHERE 1`).run().changes)))());
    scratch.pragma('threads = 2');
    scratch.pragma('cache_size = -65536');
    const buildIndexes = timed(() => scratch.transaction(() => indexes.forEach((sql) => scratch.exec(sql)))());
    return { rows, insertRows, buildIndexes };
  } finally {
    scratch.close();
    removeDatabase(scratchFile);
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

function timed(run: () => void): StepCost {
  const started = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) };
}
