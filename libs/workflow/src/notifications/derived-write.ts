import type { Database } from 'better-sqlite3';
import { withNormalSync } from '@orgchange/event-store';

/**
 * Runs `write` as an immediate transaction committed with synchronous=NORMAL, as the projector commits its pages.
 * What it writes is derived from the log and guarded by a checkpoint in the same transaction: a commit that a power
 * cut takes back takes its checkpoint with it, and is decided again the same way (a process crash loses nothing in
 * WAL mode). The connection's own setting is restored before anything else runs on it: the store's appends keep FULL.
 */
export function derivedWrite<T>(db: Database, write: () => T): T {
  return withNormalSync(db, () => db.transaction(write).immediate());
}
