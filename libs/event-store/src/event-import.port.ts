import type { RecordedEvent } from './event-store.port';

/**
 * Import-only writing, for moving a whole log between stores (`orgchange store copy`); never on the command
 * path. Events keep their ids, stream versions, global positions and recorded times, and are stored as
 * given: copy from a store opened without an upcaster, so old schema versions stay old.
 */
export interface EventImport {
  /** Position of the last stored event, 0n when the log is empty: where an interrupted copy resumes. */
  headPosition(): Promise<bigint>;
  /**
   * Stores the events in one transaction. Each must come after the head of the log (and not be recorded
   * before it) and be the next version of its stream; otherwise nothing is stored and it throws.
   * `clampRecordedAt` (SQLite only, for local replicas) stores an event recorded before the head at the head's time.
   */
  importEvents(events: readonly RecordedEvent[], options?: { clampRecordedAt?: boolean }): Promise<void>;
}

/** True when `store` supports {@link EventImport}. */
export const canImport = (store: object): store is EventImport =>
  typeof (store as Partial<EventImport>).importEvents === 'function' && typeof (store as Partial<EventImport>).headPosition === 'function';
