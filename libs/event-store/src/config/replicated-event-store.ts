import type { AppendRequest, AppendResult, EventStore, ExpectedVersion, NewEvent, RecordedEvent, Subscription } from '../event-store.port';
import type { Outbox } from '../outbox/outbox.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import type { Upcaster } from '../upcasting';

/** Options of {@link ReplicatedEventStore.open}. */
export type ReplicatedEventStoreOptions = Readonly<{
  /** The log itself (PostgreSQL or KurrentDB), opened WITHOUT an upcaster: events are copied as stored. */
  primary: EventStore;
  /** The instance's local state file: the replica of the log and every derived table. */
  file: string;
  upcast?: Upcaster;
  /** Events copied per read of the primary (default 1,000). */
  pageSize?: number;
  /** Called when following the primary fails; following is retried after a pause. */
  onFollowError?: (error: unknown) => void;
}>;

const RETRY_FOLLOW_MS = 2000;

/**
 * Runs the app on a server-side log while read models, saga checkpoints, timer indexes, the person
 * directory and the notification outbox stay in a local SQLite file, unchanged.
 *
 * Why a replica: those derived tables are written in the same SQLite transaction as their checkpoint and
 * read through `SqliteEventStore` (its `database`, its synchronous `positionRecordedBy`). Keeping a copy of
 * the log in that file, with the primary's ids, positions and recorded times, lets all of that code run as
 * it is, whichever store holds the log; the file is disposable and is rebuilt from the primary.
 *
 * - Appends go to the primary; this instance then copies what is new before returning, so its own reads see
 *   its own writes. Appends by other instances arrive by a subscription to the primary (NOTIFY on PostgreSQL).
 * - Stream reads (what commands decide on) and event lookups go to the primary, which is authoritative.
 * - `readAll`, `subscribe`, `count`, `positionRecordedBy` and `database` are local: projections and sagas
 *   follow the replica, which holds the primary's log in the primary's order.
 * - The outbox is the primary's (written in the append's own transaction), when it has one.
 */
export class ReplicatedEventStore extends SqliteEventStore {
  private readonly primary: EventStore;
  private readonly upcaster?: Upcaster;
  private readonly pageSize: number;
  private chain: Promise<void> = Promise.resolve();
  private queued?: Promise<void>;
  private following?: Subscription;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  private closing?: Promise<void>;

  private constructor(private readonly replicaOptions: ReplicatedEventStoreOptions) {
    super({ file: replicaOptions.file, upcast: replicaOptions.upcast });
    this.primary = replicaOptions.primary;
    this.upcaster = replicaOptions.upcast;
    this.pageSize = replicaOptions.pageSize ?? 1000;
  }

  /** Opens the local file, copies everything it lacks from the primary, then follows the primary. */
  static async open(options: ReplicatedEventStoreOptions): Promise<ReplicatedEventStore> {
    const store = new ReplicatedEventStore(options);
    try {
      await store.pull();
    } catch (error) {
      await store.close();
      throw error;
    }
    store.follow();
    return store;
  }

  /** The store holding the log. */
  get primaryStore(): EventStore {
    return this.primary;
  }

  /** The primary's outbox: its entries are written in the primary's append transaction. */
  override get outbox(): Outbox {
    const { outbox } = this.primary as { outbox?: Outbox };
    if (!outbox) throw new Error('this event store has no transactional outbox: read the log with a subscription instead');
    return outbox;
  }

  override async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    return (await this.appendMany([{ streamId, events, expectedVersion: options.expectedVersion }]))[0];
  }

  override async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    try {
      return await this.primary.appendMany(requests);
    } finally {
      // After a conflict too: the writer's retry then decides on what the others wrote.
      await this.pull().catch(() => undefined);
    }
  }

  override async readStream(streamId: string): Promise<readonly RecordedEvent[]> {
    return (await this.primary.readStream(streamId)).map((event) => this.upcastEvent(event));
  }

  override streamVersion(streamId: string): Promise<number> {
    return this.primary.streamVersion(streamId);
  }

  override async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const event = await this.primary.readEvent(eventId);
    return event && this.upcastEvent(event);
  }

  override listStreams(category: string): Promise<readonly string[]> {
    return this.primary.listStreams(category);
  }

  /**
   * Copies every primary event after the local head. Calls are queued one behind the other, and a call
   * made while a copy runs starts after it, so it always sees commits that preceded the call.
   */
  pull(): Promise<void> {
    if (!this.queued) {
      const next = this.chain.catch(() => undefined).then(() => {
        this.queued = undefined;
        return this.copyNew();
      });
      this.queued = next;
      this.chain = next;
    }
    return this.queued;
  }

  private async copyNew(): Promise<void> {
    for (;;) {
      const page = await this.primary.readAll({ after: await this.headPosition(), limit: this.pageSize });
      // Clamped: a KurrentDB log's recorded times come from each writer's clock and may step back along it.
      if (page.length > 0) await this.importEvents(page, { clampRecordedAt: true });
      if (page.length < this.pageSize) return;
    }
  }

  /** Pulls whenever the primary has an event the replica lacks; restarts after a failure, until closed. */
  private follow(): void {
    if (this.stopped) return;
    void this.headPosition().then((from) => {
      if (this.stopped) return;
      this.following = this.primary.subscribe({
        from,
        onEvent: async (event) => {
          if (event.globalPosition > (await this.headPosition())) await this.pull();
        },
        onError: (error) => {
          this.replicaOptions.onFollowError?.(error);
          this.retry = setTimeout(() => this.follow(), RETRY_FOLLOW_MS);
          this.retry.unref();
        },
      });
    });
  }

  private upcastEvent(event: RecordedEvent): RecordedEvent {
    if (!this.upcaster) return event;
    const { type, version, data } = this.upcaster(event);
    return type === event.type && version === event.version && data === event.data ? event : ({ ...event, type, version, data } as RecordedEvent);
  }

  /** Stops following, closes the primary, then the local file. */
  override close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopped = true;
      clearTimeout(this.retry);
      await this.following?.stop();
      await this.chain.catch(() => undefined);
      await this.primary.close();
      await super.close();
    })();
    return this.closing;
  }
}
