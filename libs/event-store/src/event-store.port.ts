import type { DomainEvent, EventMetadata } from '@orgchange/domain';

/** DI token for the configured {@link EventStore}. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * Expected state of a stream before an append, in KurrentDB's vocabulary:
 * `'any'` skips the check, `'no_stream'` requires the stream to be empty, `'stream_exists'` requires at
 * least one event, and a number is the exact revision of the stream's last event (first event = 0).
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

/** An event to append. `eventId` is chosen by the caller (UUID), which makes retries idempotent. */
export type NewEvent = DomainEvent & Readonly<{ eventId: string; metadata: EventMetadata }>;

/** An event as stored: the domain event plus the envelope the store filled in. */
export type RecordedEvent = DomainEvent &
  Readonly<{
    eventId: string;
    streamId: string;
    /** Revision within the stream, from 0. */
    streamVersion: number;
    /** Position in the global log, from 1, strictly increasing in commit order. */
    globalPosition: bigint;
    /** ISO instant at which the store committed the event (recorded time). */
    recordedAt: string;
    metadata: EventMetadata;
  }>;

export type AppendRequest = Readonly<{ streamId: string; events: readonly NewEvent[]; expectedVersion: ExpectedVersion }>;

/** Result of one stream's append. `alreadyStored` is true when every event id was stored before (a retry). */
export type AppendResult = Readonly<{
  streamId: string;
  /** The stream's revision after the append (for a retry: the revision of its last stored event). */
  nextExpectedVersion: number;
  events: readonly Readonly<{ eventId: string; type: string; globalPosition: bigint; streamVersion: number }>[];
  alreadyStored: boolean;
}>;

export type ReadAllOptions = Readonly<{ after?: bigint; limit?: number }>;

export type Subscription = Readonly<{ stop: () => Promise<void> }>;

/**
 * The event log. Guarantees every adapter must meet (checked by `describeEventStoreContract`):
 * - an append is atomic: all its events are stored or none, and it fails with `ConcurrencyError` when the
 *   stream is not at `expectedVersion`;
 * - an event id is stored once: appending ids already stored in the same stream at the same place is a
 *   no-op that returns the original positions (`alreadyStored: true`); reusing an id elsewhere fails with
 *   `DuplicateEventIdError`;
 * - `readAll` returns events in global order, and a reader that has seen position P never later meets an
 *   event with a position ≤ P;
 * - events are never updated or deleted.
 */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult>;
  /** Appends to several streams in one transaction: all or none, each with its own expected version. */
  appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]>;
  /** The whole stream in revision order (old schema versions already upcast); empty if it does not exist. */
  readStream(streamId: string): Promise<readonly RecordedEvent[]>;
  /** Revision of the stream's last event, or -1 when the stream does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** Events with `globalPosition > after` (default 0), in global order, at most `limit` (default 1000). */
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  /** The event with this id, wherever it is stored. */
  readEvent(eventId: string): Promise<RecordedEvent | undefined>;
  /** Number of events in the log. */
  count(): Promise<number>;
  /** Ids of streams whose id starts with `${category}-`, in order of creation. */
  listStreams(category: string): Promise<readonly string[]>;
  /**
   * Delivers every event after `from` in global order, first catching up, then live, until stopped.
   * `onEvent` is awaited before the next event; the caller stores its own checkpoint.
   * A failure (thrown by `onEvent` or by reading) stops the subscription and is passed to `onError` once;
   * without `onError` it surfaces as an unhandled rejection, so a stopped subscriber is never silent.
   */
  subscribe(options: {
    from: bigint;
    onEvent: (event: RecordedEvent) => Promise<void> | void;
    onError?: (error: unknown) => void;
  }): Subscription;
  close(): Promise<void>;
}
