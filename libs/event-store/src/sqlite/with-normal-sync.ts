import type { Database } from 'better-sqlite3';

/**
 * Runs `run` with the connection at synchronous=NORMAL, then restores the connection's own setting before anything
 * else runs on it (the store's appends keep theirs, FULL by default). For writes derived from the log and guarded by
 * a checkpoint in the same transaction: in WAL mode NORMAL never corrupts the file, and a commit a power cut takes
 * back takes its checkpoint with it, so it is derived again the same way.
 */
export function withNormalSync<T>(db: Database, run: () => T): T {
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return run();
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}
