import { CommitNotifier, SubscriptionSet } from '../catch-up-subscription';
import { DuplicateEventIdError } from '../event-store.errors';
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

/** An event as kept in memory: data and metadata as JSON text, so reads behave as they do from a database. */
type StoredRow = Readonly<{
  eventId: string;
  streamId: string;
  streamVersion: number;
  globalPosition: bigint;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: string;
  recordedAt: string;
}>;

/**
 * {@link EventStore} held in process memory, with the same guarantees as the SQLite adapter (it runs the
 * same contract suite). For fast tests and throwaway runs: nothing survives the process.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: StoredRow[] = [];
  private readonly byId = new Map<string, StoredRow>();
  private readonly streams = new Map<string, StoredRow[]>();
  private readonly notifier = new CommitNotifier();
  private readonly subscriptions = new SubscriptionSet();
  private readonly upcast?: Upcaster;
  private readonly now: () => Date;

  constructor(options: { upcast?: Upcaster; now?: () => Date } = {}) {
    this.upcast = options.upcast;
    this.now = options.now ?? (() => new Date());
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, expectedVersion: options.expectedVersion }]);
    return result;
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    const logLength = this.log.length;
    const streamLengths = new Map(requests.map((r) => [r.streamId, this.streams.get(r.streamId)?.length]));
    const recordedAt = this.now().toISOString();
    try {
      const results = requests.map((request) => this.appendOne(request, recordedAt));
      if (this.log.length > logLength) this.notifier.notify();
      return results;
    } catch (error) {
      // All or none: undo whatever earlier requests of this call had already added.
      for (const row of this.log.splice(logLength)) this.byId.delete(row.eventId);
      for (const [streamId, length] of streamLengths) {
        if (length === undefined) this.streams.delete(streamId);
        else this.streams.get(streamId)?.splice(length);
      }
      throw error;
    }
  }

  private appendOne({ streamId, events, expectedVersion }: AppendRequest, recordedAt: string): AppendResult {
    const stream = this.streams.get(streamId);
    const current = stream ? stream.length - 1 : -1;
    const first = events.length > 0 ? this.byId.get(events[0].eventId) : undefined;
    if (first) return this.retried(streamId, events, first);
    assertExpectedVersion(streamId, expectedVersion, current);
    if (events.length === 0) return { streamId, nextExpectedVersion: current, events: [], alreadyStored: false };

    const rows = stream ?? [];
    for (const event of events) {
      if (this.byId.has(event.eventId)) throw new DuplicateEventIdError(event.eventId);
      const row: StoredRow = {
        eventId: event.eventId,
        streamId,
        streamVersion: rows.length,
        globalPosition: BigInt(this.log.length + 1),
        type: event.type,
        schemaVersion: event.version,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        recordedAt,
      };
      this.log.push(row);
      this.byId.set(row.eventId, row);
      rows.push(row);
    }
    if (!stream) this.streams.set(streamId, rows);
    return { streamId, nextExpectedVersion: rows.length - 1, events: rows.slice(current + 1).map(summary), alreadyStored: false };
  }

  /** A retry stores nothing; anything other than the same ids at the same place reuses an id. */
  private retried(streamId: string, events: readonly NewEvent[], first: StoredRow): AppendResult {
    const stored = first.streamId === streamId ? this.streams.get(streamId)!.slice(first.streamVersion, first.streamVersion + events.length) : [];
    const same = stored.length === events.length && stored.every((row, i) => row.eventId === events[i].eventId);
    if (!same) throw new DuplicateEventIdError(first.eventId);
    return { streamId, nextExpectedVersion: stored[stored.length - 1].streamVersion, events: stored.map(summary), alreadyStored: true };
  }

  async readStream(streamId: string): Promise<readonly RecordedEvent[]> {
    return (this.streams.get(streamId) ?? []).map((row) => this.toRecorded(row));
  }

  async streamVersion(streamId: string): Promise<number> {
    return (this.streams.get(streamId)?.length ?? 0) - 1;
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.page(options.after ?? 0n, options.limit ?? 1000);
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const row = this.byId.get(eventId);
    return row && this.toRecorded(row);
  }

  async count(): Promise<number> {
    return this.log.length;
  }

  async listStreams(category: string): Promise<readonly string[]> {
    // Map iteration follows insertion, which is creation order.
    return [...this.streams.keys()].filter((streamId) => categoryOf(streamId) === category);
  }

  subscribe(options: Parameters<EventStore['subscribe']>[0]): Subscription {
    return this.subscriptions.start({ ...options, readPage: (after, limit) => this.page(after, limit), notifier: this.notifier });
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
  }

  private page(after: bigint, limit: number): RecordedEvent[] {
    // Positions are 1-based indices into the log, so the page starts at index `after`.
    const start = Number(after < 0n ? 0n : after);
    return this.log.slice(start, start + limit).map((row) => this.toRecorded(row));
  }

  private toRecorded(row: StoredRow): RecordedEvent {
    const stored = { type: row.type, version: row.schemaVersion, data: JSON.parse(row.data) as unknown };
    const { type, version, data } = this.upcast ? this.upcast(stored) : stored;
    return {
      type,
      version,
      // What was appended as `data`, so it has the port's type; JSON round-tripping keeps its shape.
      data: data as RecordedEvent['data'],
      eventId: row.eventId,
      streamId: row.streamId,
      streamVersion: row.streamVersion,
      globalPosition: row.globalPosition,
      recordedAt: row.recordedAt,
      metadata: JSON.parse(row.metadata),
    };
  }
}

const summary = (row: StoredRow): AppendResult['events'][number] => ({
  eventId: row.eventId,
  type: row.type,
  globalPosition: row.globalPosition,
  streamVersion: row.streamVersion,
});
