import type { Database, Statement } from 'better-sqlite3';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, type RecordedEvent, type Upcaster } from '@orgchange/event-store';

/** An event as the projector reads it: the port's event without its metadata, which no fact row uses. */
export type ProjectedEvent = Omit<RecordedEvent, 'metadata'>;

/** An `events` row as read: an array, which costs far less to build than an object. */
export type LogRow = readonly [globalPosition: number, eventId: string, streamId: string, streamVersion: number, type: string, schemaVersion: number, data: string, recordedAt: string];

export const LOG_ROW = { position: 0, streamId: 2, streamVersion: 3, type: 4 } as const;

/**
 * Pages of the log in global order, read for the projector straight from the SQLite store's `events` table on
 * the connection the read model shares with it. Only `data` is parsed, and only when its event is applied:
 * the metadata (the other half of what the store's `readAll` parses) feeds no fact row, and objects parsed for
 * a whole page ahead outlived the young generation, so the garbage collector copied and then marked them.
 * Old schema versions are upcast with the domain's table, the one every app gives its store.
 */
export class LogPages {
  private readonly statement: Statement<[number, number], LogRow>;
  private readonly streamOrdered: Statement<[string, number, number, number], LogRow>;
  private readonly upcast?: Upcaster;

  constructor(db: Database, upcast?: Upcaster) {
    this.statement = db
      .prepare<[number, number], LogRow>(
        'SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, recorded_at FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?',
      )
      .raw();
    // Walks the (stream_id, stream_version) index: every stream's events together, in stream order.
    this.streamOrdered = db
      .prepare<[string, number, number, number], LogRow>(
        'SELECT global_position, event_id, stream_id, stream_version, type, schema_version, data, recorded_at FROM events WHERE (stream_id, stream_version) > (?, ?) AND global_position <= ? ORDER BY stream_id, stream_version LIMIT ?',
      )
      .raw();
    // An empty table upcasts nothing: skip the lookup per event.
    this.upcast = upcast ?? (Object.keys(eventUpcasters).length > 0 ? chainUpcasters(eventUpcasters) : undefined);
  }

  /** Up to `limit` rows after `position`, in global order. */
  after(position: bigint, limit: number): LogRow[] {
    return this.statement.all(Number(position), limit);
  }

  /** Up to `limit` rows at or before position `head`, by stream and then stream version, after the given one. */
  byStream(streamId: string, streamVersion: number, head: number, limit: number): LogRow[] {
    return this.streamOrdered.all(streamId, streamVersion, head, limit);
  }

  /** The event of a row, its data parsed and upcast. */
  event(row: LogRow): ProjectedEvent {
    const [globalPosition, eventId, streamId, streamVersion, storedType, schemaVersion, json, recordedAt] = row;
    const stored = { type: storedType, version: schemaVersion, data: JSON.parse(json) as unknown };
    const { type, version, data } = this.upcast ? this.upcast(stored) : stored;
    return { type, version, data: data as ProjectedEvent['data'], eventId, streamId, streamVersion, globalPosition: BigInt(globalPosition), recordedAt };
  }
}

/** The log up to position `head`, every stream's events together in stream order, read `chunk` rows at a time. */
export class StreamOrderCursor {
  done = false;
  private after: readonly [string, number] = ['', -1];

  constructor(
    private readonly log: LogPages,
    private readonly head: number,
    private readonly chunk: number,
  ) {}

  next(): LogRow[] {
    const rows = this.log.byStream(this.after[0], this.after[1], this.head, this.chunk);
    if (rows.length < this.chunk) this.done = true;
    if (rows.length > 0) this.after = [rows[rows.length - 1][LOG_ROW.streamId], rows[rows.length - 1][LOG_ROW.streamVersion]];
    return rows;
  }
}

/**
 * Gathers rows read in stream order into whole streams: each stream's rows go to `onStream` once the first row
 * of the next stream arrives, or at `end`. A stream may span many reads.
 */
export class StreamGrouper {
  private stream: LogRow[] = [];

  add(row: LogRow, onStream: (rows: readonly LogRow[]) => void): void {
    if (this.stream.length > 0 && this.stream[0][LOG_ROW.streamId] !== row[LOG_ROW.streamId]) {
      onStream(this.stream);
      this.stream = [];
    }
    this.stream.push(row);
  }

  /** Hands over the last stream, if any rows are left. */
  end(onStream: (rows: readonly LogRow[]) => void): void {
    if (this.stream.length > 0) onStream(this.stream);
    this.stream = [];
  }
}
