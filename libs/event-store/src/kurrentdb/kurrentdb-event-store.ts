/*
 * Constructor, for wiring: `new KurrentDbEventStore({ connectionString, upcast?, streamPrefix?, now? })`, e.g.
 * `new KurrentDbEventStore({ connectionString: process.env.KURRENTDB_URL })` with a URL such as
 * `kurrentdb://admin:changeit@host:2113?tls=false`. The client connects lazily, on the first call; close() disposes of it.
 * Needs KurrentDB 25.1 or later (atomic multi-stream appends). docs/kurrentdb.md says how the port maps.
 */
import { type Filter, KurrentDBClient, streamNameFilter } from '@kurrent/kurrentdb-client';
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
import type { Upcaster } from '../upcasting';
import { KurrentDbAppender } from './kurrentdb-appender';
import { toRecordedEvent } from './kurrentdb-event-mapping';
import { LogScan } from './kurrentdb-log-scan';
import { KurrentDbReads } from './kurrentdb-reads';
import { KurrentDbStreamNames } from './kurrentdb-stream-names';
import { subscribeToOurEvents } from './kurrentdb-subscription';

/** Options of {@link KurrentDbEventStore}. */
export type KurrentDbEventStoreOptions = Readonly<{
  /** A KurrentDB connection string (`kurrentdb://…`, `esdb://…` or `kurrentdb+discover://…`). */
  connectionString: string;
  /** Applied to every event read; stored events are never rewritten. */
  upcast?: Upcaster;
  /**
   * Prefix of every KurrentDB stream this store writes and reads, so that several logs can share one
   * database (tests, tenants). '' (default) makes the whole database, bar system streams, one log.
   */
  streamPrefix?: string;
  /** Source of `recordedAt` (stored with each event); read once per append. */
  now?: () => Date;
}>;

/**
 * {@link EventStore} on KurrentDB: one KurrentDB stream per aggregate stream, named by our stream id;
 * `globalPosition` is the event's commit position in `$all` (strictly increasing in commit order, but
 * neither consecutive nor starting at 1); `readAll` and `subscribe` read `$all` with a server-side filter
 * that keeps only our streams. Appends, idempotency and atomicity: see {@link KurrentDbAppender}.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly names: KurrentDbStreamNames;
  private readonly reads: KurrentDbReads;
  private readonly appender: KurrentDbAppender;
  private readonly upcast?: Upcaster;
  private readonly counted: LogScan<number>;
  private readonly categories = new Map<string, LogScan<string[]>>();
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: KurrentDbEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.names = new KurrentDbStreamNames(options.streamPrefix);
    this.upcast = options.upcast;
    this.reads = new KurrentDbReads(this.client, this.names, options.upcast);
    this.appender = new KurrentDbAppender(this.client, this.names, this.reads, options.now ?? (() => new Date()));
    this.counted = new LogScan(this.reads, this.ourEvents(), 0, (count) => count + 1);
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    const [result] = await this.appender.appendMany([{ streamId, events, expectedVersion: options.expectedVersion }]);
    return result;
  }

  appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    return this.appender.appendMany(requests);
  }

  readStream(streamId: string): Promise<readonly RecordedEvent[]> {
    return this.reads.streamRange(streamId);
  }

  streamVersion(streamId: string): Promise<number> {
    return this.reads.revisionOf(streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const page = await this.reads.allAfter(options.after ?? 0n, options.limit ?? 1000, this.ourEvents());
    return page.map((event) => toRecordedEvent(event, this.names, this.upcast));
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const claim = await this.reads.claimOf(eventId);
    if (!claim) return undefined;
    const [event] = await this.reads.streamRange(claim.streamId, claim.streamVersion, 1);
    return event;
  }

  /** Counts our events in `$all`: a full scan the first time, then only what was committed since (see {@link LogScan}). */
  count(): Promise<number> {
    return this.counted.current();
  }

  /** A category's streams in creation order: the streams whose revision 0 appears, in `$all` order, under `<category>-`. */
  async listStreams(category: string): Promise<readonly string[]> {
    let scan = this.categories.get(category);
    if (!scan) {
      const filter = streamNameFilter({ prefixes: [this.names.categoryPrefix(category)] });
      scan = new LogScan<string[]>(this.reads, filter, [], (streams, event) => {
        if (event.revision === 0n) streams.push(this.names.streamIdOf(event.streamId));
        return streams;
      });
      this.categories.set(category, scan);
    }
    return [...(await scan.current())];
  }

  subscribe(options: Parameters<EventStore['subscribe']>[0]): Subscription {
    const subscription = subscribeToOurEvents(this.client, this.names, this.upcast, options);
    this.subscriptions.add(subscription);
    return {
      stop: () => {
        this.subscriptions.delete(subscription);
        return subscription.stop();
      },
    };
  }

  /** Stops every subscription (waiting for a delivery in progress), then closes the connection. */
  async close(): Promise<void> {
    const stopping = [...this.subscriptions].map((s) => s.stop());
    this.subscriptions.clear();
    await Promise.all(stopping);
    await this.client.dispose();
  }

  private ourEvents(): Filter {
    return streamNameFilter({ regex: this.names.ourStreamsRegex });
  }
}
