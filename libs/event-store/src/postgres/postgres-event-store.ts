import { Pool, type PoolConfig } from 'pg';
import { CommitNotifier, SubscriptionSet } from '../catch-up-subscription';
import type { EventImport } from '../event-import.port';
import type { AppendRequest, AppendResult, EventStore, ExpectedVersion, NewEvent, ReadAllOptions, RecordedEvent, Subscription } from '../event-store.port';
import type { Upcaster } from '../upcasting';
import type { Outbox } from '../outbox/outbox.port';
import { appendOne } from './postgres-append-one';
import { PostgresListener } from './postgres-listener';
import { PostgresOutbox } from './postgres-outbox';
import { type AppendRow, appendArguments, appendResults, EVENT_COLUMNS, type EventRow, recordedEventOf, translateAppendError } from './postgres-rows';
import { channelOf } from './postgres-append-lock';
import { assertSchemaName, migrate } from './postgres-schema';

/** Options of {@link PostgresEventStore.open}. */
export type PostgresEventStoreOptions = Readonly<{
  /** `postgres://user@host:port/database`. */
  url: string;
  /** Schema holding the log's tables (created and migrated on open). Default `orgchange`. */
  schema?: string;
  /** Applied to every event read; stored rows are never rewritten. */
  upcast?: Upcaster;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** How often an idle subscription re-reads when no NOTIFY came (default 1,000 ms). */
  pollIntervalMs?: number;
}>;

/**
 * {@link EventStore} in PostgreSQL. Each append is one call of a PL/pgSQL function (`orgchange_append_one` for
 * the per-command case of one event, `orgchange_append` for the rest), so one round trip and one transaction;
 * it holds the log's advisory lock until commit, which makes global positions dense and visible in order
 * (postgres-schema.ts explains why). Subscriptions wake on LISTEN/NOTIFY and poll as a fallback, so they see
 * appends made by every process on the database.
 */
export class PostgresEventStore implements EventStore, EventImport {
  private readonly notifier = new CommitNotifier();
  private readonly subscriptions = new SubscriptionSet();
  private readonly listener: PostgresListener;
  private closing?: Promise<void>;
  private postgresOutbox?: PostgresOutbox;

  private constructor(
    private readonly pool: Pool,
    config: PoolConfig,
    readonly schema: string,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.listener = new PostgresListener(config, channelOf(schema), this.notifier);
  }

  /** Connects, creates or migrates the schema, and returns the store. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'orgchange';
    assertSchemaName(schema);
    // search_path on every pooled connection, so the SQL (and the functions' bodies) name tables plainly.
    const config: PoolConfig = { connectionString: options.url, options: `-c search_path=${schema}`, max: options.poolSize ?? 10 };
    const pool = new Pool(config);
    // An idle connection dropped by the server is replaced on next use; without a handler it would crash the process.
    pool.on('error', () => undefined);
    try {
      await migrate(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, config, schema, options);
  }

  /** The outbox every append fills in its own transaction, read and drained by the Kafka relay. */
  get outbox(): Outbox {
    this.postgresOutbox ??= new PostgresOutbox(this.pool, this.options.upcast);
    return this.postgresOutbox;
  }

  /** The connection pool, for tables that must share the log's database (idempotency records, outbox). */
  get connections(): Pool {
    return this.pool;
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    return (await this.appendMany([{ streamId, events, expectedVersion: options.expectedVersion }]))[0];
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    if (requests.length === 1) {
      const alone = await appendOne(this.pool, requests[0]);
      if (alone) {
        this.notifier.notify();
        return [alone];
      }
    }
    try {
      const { rows } = await this.pool.query<AppendRow>({
        text: 'SELECT * FROM orgchange_append($1, $2, $3, $4, $5, $6, $7, $8)',
        values: appendArguments(requests),
        rowMode: 'array',
        name: 'orgchange_append',
      });
      const results = appendResults(requests, rows);
      if (results.some((r) => !r.alreadyStored && r.events.length > 0)) this.notifier.notify();
      return results;
    } catch (error) {
      throw translateAppendError(error);
    }
  }

  async readStream(streamId: string): Promise<readonly RecordedEvent[]> {
    return this.events(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`, [streamId], 'orgchange_read_stream');
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>({ text: 'SELECT version FROM streams WHERE stream_id = $1', values: [streamId], name: 'orgchange_stream_version' });
    return rows[0]?.version ?? -1;
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    return this.page(options.after ?? 0n, options.limit ?? 1000);
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    return (await this.events(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = $1`, [eventId]))[0];
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>('SELECT count(*) FROM events');
    return Number(rows[0].count);
  }

  async listStreams(category: string): Promise<readonly string[]> {
    const { rows } = await this.pool.query<{ stream_id: string }>('SELECT stream_id FROM streams WHERE category = $1 ORDER BY created_position', [category]);
    return rows.map((r) => r.stream_id);
  }

  subscribe(options: Parameters<EventStore['subscribe']>[0]): Subscription {
    void this.listener.ensureStarted();
    return this.subscriptions.start({
      ...options,
      readPage: (after, limit) => this.page(after, limit),
      notifier: this.notifier,
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
    });
  }

  /**
   * The position of the last event recorded at or before `instant` (an ISO timestamp), 0n when none was.
   * Recorded times never fall along the log, so this is a binary search on the primary key (no index on
   * recorded time is kept: it would cost every append for a rare read).
   */
  async positionRecordedBy(instant: string): Promise<bigint> {
    const at = Date.parse(instant);
    let low = 0n;
    let high = await this.headPosition();
    while (low < high) {
      const middle = (low + high + 1n) / 2n;
      const { rows } = await this.pool.query<[string, string]>({
        text: 'SELECT global_position::text, (extract(epoch FROM recorded_at) * 1000)::bigint::text FROM events WHERE global_position >= $1 ORDER BY global_position LIMIT 1',
        values: [middle.toString()],
        rowMode: 'array',
      });
      const [position, millis] = rows[0];
      if (Number(millis) <= at) low = BigInt(position) > middle ? BigInt(position) : middle;
      else high = middle - 1n;
    }
    return low;
  }

  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<{ head: string }>('SELECT coalesce(max(global_position), 0)::text AS head FROM events');
    return BigInt(rows[0].head);
  }

  async importEvents(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.pool.query('SELECT orgchange_import($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      events.map((e) => e.globalPosition.toString()),
      events.map((e) => e.eventId),
      events.map((e) => e.streamId),
      events.map((e) => e.streamVersion),
      events.map((e) => e.type),
      events.map((e) => e.version),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      events.map((e) => e.recordedAt),
    ]);
    this.notifier.notify();
  }

  /** Stops every subscription (waiting for a delivery in progress), then closes the connections. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.subscriptions.stopAll();
      await this.listener.close();
      await this.pool.end();
    })();
    return this.closing;
  }

  private page(after: bigint, limit: number): Promise<RecordedEvent[]> {
    return this.events(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`, [after.toString(), limit], 'orgchange_read_all');
  }

  /** `name` makes the statement prepared once per connection: the hot read paths then skip parsing and planning. */
  private async events(text: string, values: unknown[], name?: string): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>({ text, values, rowMode: 'array', name });
    return rows.map((row) => recordedEventOf(row, this.options.upcast));
  }
}
