import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import type { Upcaster } from '../upcasting';
import { recordedEventFromRow, type StoredEventRow } from '../stored-event-row';

/**
 * An `events` row read raw, in {@link EVENT_COLUMNS} order: arrays cost far less to build than
 * objects, and reads of the log are the hot path of every projection rebuild.
 */
export type EventRow = StoredEventRow<number, string>;

type StoredSummary = Readonly<{ event_id: string; type: string; global_position: bigint; stream_version: bigint }>;

/** Every statement the store runs, prepared once per connection so an append does no SQL parsing. */
export type Statements = Readonly<{
  streamVersion: Statement<[streamId: string], number>;
  eventPlace: Statement<[eventId: string], { stream_id: string; stream_version: number }>;
  insertEvent: Statement<
    [eventId: string, streamId: string, streamVersion: number, type: string, schemaVersion: number, data: string, metadata: string, recordedAt: string]
  >;
  enqueue: Statement<[globalPosition: bigint]>;
  insertStream: Statement<[streamId: string, category: string, version: number, createdPosition: bigint]>;
  updateStreamVersion: Statement<[version: number, streamId: string]>;
  streamRange: Statement<[streamId: string, fromVersion: number, limit: number], StoredSummary>;
  readStream: Statement<[streamId: string], EventRow>;
  readAll: Statement<[after: bigint, limit: number], EventRow>;
  readEvent: Statement<[eventId: string], EventRow>;
  count: Statement<[], number>;
  listStreams: Statement<[category: string], string>;
  lastRecordedAt: Statement<[], string>;
  recordedAtOrAfter: Statement<[position: number], { global_position: number; recorded_at: string }>;
  lastPosition: Statement<[], number>;
}>;

/** Column order of {@link EventRow}. */
export const EVENT_COLUMNS = 'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at';

/**
 * Prepares the statements. Only those that return global positions use safe integers (positions are
 * bigints in the port and could pass 2^53 in a long-lived log); the rest keep plain numbers, which are cheaper.
 */
export function prepareStatements(db: Database): Statements {
  return {
    streamVersion: db.prepare<[string], number>('SELECT version FROM streams WHERE stream_id = ?').pluck(),
    eventPlace: db.prepare<[string], { stream_id: string; stream_version: number }>(
      'SELECT stream_id, stream_version FROM events WHERE event_id = ?',
    ),
    insertEvent: db
      .prepare<[string, string, number, string, number, string, string, string]>(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers(true),
    enqueue: db.prepare<[bigint]>('INSERT INTO outbox (global_position) VALUES (?)'),
    insertStream: db.prepare<[string, string, number, bigint]>(
      'INSERT INTO streams (stream_id, category, version, created_position) VALUES (?, ?, ?, ?)',
    ),
    updateStreamVersion: db.prepare<[number, string]>('UPDATE streams SET version = ? WHERE stream_id = ?'),
    streamRange: db
      .prepare<[string, number, number], StoredSummary>(
        `SELECT event_id, type, global_position, stream_version FROM events
         WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?`,
      )
      .safeIntegers(true),
    readStream: db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY stream_version`).raw(),
    readAll: db.prepare<[bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`).raw(),
    readEvent: db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ?`).raw(),
    count: db.prepare<[], number>('SELECT count(*) FROM events').pluck(),
    listStreams: db.prepare<[string], string>('SELECT stream_id FROM streams WHERE category = ? ORDER BY created_position').pluck(),
    lastRecordedAt: db.prepare<[], string>('SELECT recorded_at FROM events ORDER BY global_position DESC LIMIT 1').pluck(),
    recordedAtOrAfter: db.prepare<[number], { global_position: number; recorded_at: string }>(
      'SELECT global_position, recorded_at FROM events WHERE global_position >= ? ORDER BY global_position LIMIT 1',
    ),
    lastPosition: db.prepare<[], number>('SELECT coalesce(max(global_position), 0) FROM events').pluck(),
  };
}

/** Turns a row into the port's event: JSON parsed, old schema versions upcast (recorded time is stored as an ISO instant). */
export const recordedEventOf = (row: EventRow, upcast: Upcaster | undefined): RecordedEvent => recordedEventFromRow(row, upcast, storedAsIso);

const storedAsIso = (recordedAt: string): string => recordedAt;
