import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import { categoryOf } from '../stream-rules';

/**
 * Import-only insert for `store copy` and the local replica (see `EventImport`): events keep their ids,
 * versions, global positions (the rowid, given explicitly) and recorded times. Each must follow the head of
 * the log and continue its stream, or the whole batch is refused. Imported events are history, so they
 * get no outbox entry. Recorded time must not fall along the log (reads "as known at" rely on it): an event
 * recorded before the head is refused, or, with `clampRecordedAt`, stored at the head's time (for a replica of a
 * log whose writers' clocks disagree, such as KurrentDB's, where the adapter's clock stamps each append).
 */
export function importIntoSqlite(db: Database, events: readonly RecordedEvent[], options: { clampRecordedAt?: boolean } = {}): void {
  const head = db.prepare<[], { global_position: number; recorded_at: string }>(
    'SELECT global_position, recorded_at FROM events ORDER BY global_position DESC LIMIT 1',
  );
  const version = db.prepare<[string], number>('SELECT version FROM streams WHERE stream_id = ?').pluck();
  const insertEvent = db.prepare(
    `INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStream = db.prepare('INSERT INTO streams (stream_id, category, version, created_position) VALUES (?, ?, ?, ?)');
  const updateStream = db.prepare('UPDATE streams SET version = ? WHERE stream_id = ?');
  db.transaction(() => {
    const last = head.get();
    let position = BigInt(last?.global_position ?? 0);
    let recordedAt = last?.recorded_at ?? '';
    for (const event of events) {
      if (event.globalPosition <= position) {
        throw new RangeError(`event ${event.eventId} at position ${event.globalPosition} does not come after position ${position}`);
      }
      if (event.recordedAt < recordedAt && !options.clampRecordedAt) {
        throw new RangeError(`event ${event.eventId} was recorded at ${event.recordedAt}, before the event at position ${position} (${recordedAt})`);
      }
      const at = event.recordedAt < recordedAt ? recordedAt : event.recordedAt;
      const current = version.get(event.streamId) ?? -1;
      if (event.streamVersion !== current + 1) {
        throw new RangeError(`event ${event.eventId} is version ${event.streamVersion} of ${event.streamId}, which is at ${current}`);
      }
      insertEvent.run(
        event.globalPosition,
        event.eventId,
        event.streamId,
        event.streamVersion,
        event.type,
        event.version,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        at,
      );
      if (current === -1) insertStream.run(event.streamId, categoryOf(event.streamId), event.streamVersion, event.globalPosition);
      else updateStream.run(event.streamVersion, event.streamId);
      position = event.globalPosition;
      recordedAt = at;
    }
  }).immediate();
}
