import type { RecordedEvent } from '../event-store.port';

/** DI token for the configured {@link Outbox}. */
export const OUTBOX = Symbol('OUTBOX');

/** An event waiting to be published, with what earlier attempts to publish it came to. */
export type OutboxEntry = Readonly<{
  /** The stored event, old schema versions already upcast (as `readAll` gives it). */
  event: RecordedEvent;
  /** Failed attempts recorded so far for this entry (broker outages are not counted: see `recordFailure`). */
  attempts: number;
  lastError: string | null;
}>;

/** An entry taken out of the queue for good because it could never be published. Kept for operators. */
export type DeadLetter = Readonly<{ globalPosition: bigint; eventId: string; error: string; deadLetteredAt: string }>;

/** How far publishing is behind the log. */
export type OutboxLag = Readonly<{
  /** Entries waiting (neither sent nor dead-lettered). */
  waiting: number;
  /** recordedAt of the oldest waiting entry, null when none waits. */
  oldestRecordedAt: string | null;
  /** `now` minus `oldestRecordedAt` in milliseconds, 0 when none waits. */
  oldestAgeMs: number;
}>;

/**
 * The transactional outbox: the queue of events still to be published to a broker.
 *
 * Guarantees every adapter must meet (checked by `describeOutboxContract`):
 * - every event an append stores gets exactly one entry, written in the same transaction as the event, so
 *   an acknowledged append is never lost to publishing and a rejected or retried append enqueues nothing;
 * - `pending` returns waiting entries in global order, and an entry stays waiting until `markSent` or
 *   `markDeadLettered` takes it out, whatever process or crash comes in between (at-least-once: a relay
 *   that crashes between the broker's ack and `markSent` publishes the entry again);
 * - `markSent` and `markDeadLettered` are idempotent; the events themselves are never touched.
 */
export interface Outbox {
  /** Up to `limit` waiting entries, oldest (lowest global position) first. */
  pending(limit: number): Promise<readonly OutboxEntry[]>;
  /** Takes these entries out of the queue. Call it only after the broker acknowledged them. */
  markSent(globalPositions: readonly bigint[]): Promise<void>;
  /**
   * Records a failed attempt to publish this one entry (an error about the message itself, not a broker
   * outage) and returns the number of attempts recorded so far. The entry stays waiting.
   */
  recordFailure(globalPosition: bigint, error: string): Promise<number>;
  /** Takes the entry out of the queue for good, keeping `error`, once it has gone to the dead-letter topic. */
  markDeadLettered(globalPosition: bigint, error: string): Promise<void>;
  /** Every dead-lettered entry, in global order. */
  deadLetters(): Promise<readonly DeadLetter[]>;
  /** Entries waiting and the age of the oldest, as of `now` (default: the current time). */
  lag(now?: Date): Promise<OutboxLag>;
}
