import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CommitNotifier, SubscriptionSet } from '../catch-up-subscription';
import { ConcurrencyError, DuplicateEventIdError } from '../event-store.errors';
import type {
  AppendRequest,
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  Subscription,
} from '../event-store.port';
import { assertExpectedVersion, categoryOf } from '../stream-rules';
import type { Upcaster } from '../upcasting';
import type { Outbox } from '../outbox/outbox.port';
import type { EventImport } from '../event-import.port';
import { GroupCommit, type Outcome } from './group-commit';
import { importIntoSqlite } from './sqlite-event-import';
import { SqliteOutbox } from './sqlite-outbox';
import { configureConnection, migrate } from './sqlite-schema';
import { prepareStatements, recordedEventOf, type Statements } from './sqlite-statements';

/** Options of {@link SqliteEventStore}. */
export type SqliteEventStoreOptions = Readonly<{
  /** Database file; its directory is created if missing. `:memory:` gives a private, unshared log. */
  file: string;
  /** Applied to every event read; stored rows are never rewritten. */
  upcast?: Upcaster;
  /** `FULL` (default) makes every acknowledged append survive power loss; `NORMAL` may lose the last ones. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Source of `recordedAt`; read once per transaction. */
  now?: () => Date;
}>;

type Requests = readonly AppendRequest[];

/** How often an idle subscription re-reads, to see appends made by other processes on the same file. */
const POLL_INTERVAL_MS = 250;

/**
 * {@link EventStore} in one SQLite file (better-sqlite3, WAL). Appends are immediate transactions, so
 * expected-version checks hold across processes sharing the file; global positions are the table's
 * rowid key (max + 1; rows are never deleted), which serialised commits make strictly increasing. Appends issued concurrently in
 * one process share a transaction (group commit), each still all-or-nothing on its own.
 */
export class SqliteEventStore implements EventStore, EventImport {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly appendTransaction: Database.Transaction<(requests: Requests, recordedAt: string) => AppendResult[]>;
  private readonly batchTransaction: Database.Transaction<(batch: readonly Requests[], recordedAt: string) => Outcome<AppendResult[]>[]>;
  private readonly groupCommit = new GroupCommit<Requests, AppendResult[]>((batch) => this.commit(batch));
  private readonly notifier = new CommitNotifier();
  private readonly subscriptions = new SubscriptionSet();
  private readonly upcast?: Upcaster;
  private readonly now: () => Date;
  private sqliteOutbox?: SqliteOutbox;

  constructor(options: SqliteEventStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    configureConnection(this.db, options.synchronous ?? 'FULL');
    migrate(this.db);
    this.statements = prepareStatements(this.db);
    this.appendTransaction = this.db.transaction((requests, now) => {
      const recordedAt = this.notBeforeLast(now);
      return requests.map((r) => this.appendOne(r, recordedAt));
    });
    this.batchTransaction = this.db.transaction((batch, recordedAt) => batch.map((requests) => this.inSavepoint(requests, recordedAt)));
    this.upcast = options.upcast;
    this.now = options.now ?? (() => new Date());
  }

  /** The outbox this store fills in every append's transaction, read and drained by the Kafka relay. */
  get outbox(): Outbox {
    this.sqliteOutbox ??= new SqliteOutbox(this.db, this.upcast);
    return this.sqliteOutbox;
  }

  /**
   * The open connection, for read models and idempotency records that must live in the same file (and so
   * can share a transaction with their checkpoint). Do not write to `events` or `streams` through it.
   */
  get database(): Database.Database {
    return this.db;
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    return (await this.groupCommit.submit([{ streamId, events, expectedVersion: options.expectedVersion }]))[0];
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    return this.groupCommit.submit(requests);
  }

  private commit(batch: readonly Requests[]): Outcome<AppendResult[]>[] {
    const recordedAt = this.now().toISOString();
    const outcomes = batch.length === 1 ? [this.alone(batch[0], recordedAt)] : this.batchTransaction.immediate(batch, recordedAt);
    if (outcomes.some((o) => o.ok && o.value.some((r) => !r.alreadyStored && r.events.length > 0))) this.notifier.notify();
    return outcomes;
  }

  /** A lone request needs no savepoint: its failure is the whole transaction's. */
  private alone(requests: Requests, recordedAt: string): Outcome<AppendResult[]> {
    try {
      return { ok: true, value: this.appendTransaction.immediate(requests, recordedAt) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** One request of a batch, in a savepoint (how better-sqlite3 nests transactions): a failure undoes only its own rows. */
  private inSavepoint(requests: Requests, recordedAt: string): Outcome<AppendResult[]> {
    try {
      return { ok: true, value: this.appendTransaction(requests, recordedAt) };
    } catch (error) {
      // Disk-full and I/O errors make SQLite roll back the whole transaction; the rest must not then commit alone.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error };
    }
  }

  /**
   * Recorded time never runs backwards along the log, even if the clock does (or another process's clock
   * is behind), so "as known at T" is always a prefix of the log: the events up to one position.
   */
  private notBeforeLast(now: string): string {
    const last = this.statements.lastRecordedAt.get();
    return last !== undefined && last > now ? last : now;
  }

  /**
   * The position of the last event recorded at or before `instant` (an ISO timestamp), 0 when none was.
   * Recorded times rise with positions, so this is a binary search on the primary key.
   */
  positionRecordedBy(instant: string): bigint {
    let low = 0;
    let high = this.statements.lastPosition.get() ?? 0;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      const row = this.statements.recordedAtOrAfter.get(middle);
      if (row && row.recorded_at <= instant) low = Math.max(middle, Number(row.global_position));
      else high = middle - 1;
    }
    return BigInt(low);
  }

  private appendOne({ streamId, events, expectedVersion }: AppendRequest, recordedAt: string): AppendResult {
    const current = this.statements.streamVersion.get(streamId) ?? -1;
    if (events.length > 0) {
      const place = this.statements.eventPlace.get(events[0].eventId);
      // A stored first id means a retry (answered without a version check: the stream may have moved on) or a misuse.
      if (place) return this.retried(streamId, events, place);
    }
    assertExpectedVersion(streamId, expectedVersion, current);
    if (events.length === 0) return { streamId, nextExpectedVersion: current, events: [], alreadyStored: false };

    const appended = new Array<AppendResult['events'][number]>(events.length);
    let version = current;
    for (let i = 0; i < events.length; i += 1) {
      const event = events[i];
      version += 1;
      const globalPosition = this.insertEvent(streamId, version, event, recordedAt, expectedVersion, current);
      appended[i] = { eventId: event.eventId, type: event.type, globalPosition, streamVersion: version };
    }
    if (current === -1) this.statements.insertStream.run(streamId, categoryOf(streamId), version, appended[0].globalPosition);
    else this.statements.updateStreamVersion.run(version, streamId);
    return { streamId, nextExpectedVersion: version, events: appended, alreadyStored: false };
  }

  private insertEvent(streamId: string, version: number, event: NewEvent, recordedAt: string, expected: ExpectedVersion, current: number): bigint {
    const { eventId, type, version: schemaVersion } = event;
    try {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      const globalPosition = this.statements.insertEvent.run(eventId, streamId, version, type, schemaVersion, data, metadata, recordedAt)
        .lastInsertRowid as bigint;
      // The outbox entry commits or rolls back with the event: publishing can neither miss nor invent one.
      this.statements.enqueue.run(globalPosition);
      return globalPosition;
    } catch (error) {
      // Unique violations are translated here so callers only ever see the port's errors.
      if (isUniqueViolation(error, 'events.event_id')) throw new DuplicateEventIdError(eventId);
      if (isUniqueViolation(error, 'events.stream_id')) throw new ConcurrencyError(streamId, expected, current);
      throw error;
    }
  }

  /** Same ids, same stream, consecutive from the first id's place: the original result. Anything else reuses an id. */
  private retried(streamId: string, events: readonly NewEvent[], place: { stream_id: string; stream_version: number }): AppendResult {
    const stored = place.stream_id === streamId ? this.statements.streamRange.all(streamId, place.stream_version, events.length) : [];
    const same = stored.length === events.length && stored.every((row, i) => row.event_id === events[i].eventId);
    if (!same) throw new DuplicateEventIdError(events[0].eventId);
    const summaries = stored.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      globalPosition: row.global_position,
      streamVersion: Number(row.stream_version),
    }));
    return { streamId, nextExpectedVersion: summaries[summaries.length - 1].streamVersion, events: summaries, alreadyStored: true };
  }

  /** Position of the last stored event, 0n when the log is empty (see `EventImport`). */
  async headPosition(): Promise<bigint> {
    return BigInt(this.statements.lastPosition.get() ?? 0);
  }

  /** Import-only: stores events keeping their positions and times; never on the command path (see `EventImport`). */
  async importEvents(events: readonly RecordedEvent[], options?: { clampRecordedAt?: boolean }): Promise<void> {
    importIntoSqlite(this.db, events, options);
    if (events.length > 0) this.notifier.notify();
  }

  async readStream(streamId: string): Promise<readonly RecordedEvent[]> {
    return this.statements.readStream.all(streamId).map((row) => recordedEventOf(row, this.upcast));
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.statements.streamVersion.get(streamId) ?? -1;
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.page(options.after ?? 0n, options.limit ?? 1000);
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const row = this.statements.readEvent.get(eventId);
    return row && recordedEventOf(row, this.upcast);
  }

  async count(): Promise<number> {
    return this.statements.count.get() ?? 0;
  }

  async listStreams(category: string): Promise<readonly string[]> {
    return this.statements.listStreams.all(category);
  }

  subscribe(options: Parameters<EventStore['subscribe']>[0]): Subscription {
    return this.subscriptions.start({
      ...options,
      readPage: (after, limit) => this.page(after, limit),
      notifier: this.notifier,
      pollIntervalMs: POLL_INTERVAL_MS,
    });
  }

  /** Stops every subscription (waiting for a delivery in progress), then closes the connection. */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    if (this.db.open) this.db.close();
  }

  private page(after: bigint, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(after, limit).map((row) => recordedEventOf(row, this.upcast));
  }
}

/**
 * Recognised by its code, not by `instanceof SqliteError`: the native addon keeps the error class of the
 * first copy of better-sqlite3 loaded in the process, so a second copy (jest loads modules afresh per test
 * file) would never match and a duplicate id would surface as a raw driver error.
 */
function isUniqueViolation(error: unknown, column: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}
