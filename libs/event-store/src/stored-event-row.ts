import type { RecordedEvent } from './event-store.port';
import type { Upcaster } from './upcasting';

/**
 * A stored event as the SQL adapters read it, an array in this column order (arrays cost far less to build
 * than objects on the read-all path). Position and recorded time come in each database's own form.
 */
export type StoredEventRow<Position extends number | string, RecordedAt> = [
  globalPosition: Position,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: RecordedAt,
];

/**
 * Turns a stored row into the port's event: JSON parsed, old schema versions upcast, recorded time as an ISO
 * instant. Without an upcaster it builds one object per event, since this runs once per event of every read.
 */
export function recordedEventFromRow<Position extends number | string, RecordedAt>(
  row: StoredEventRow<Position, RecordedAt>,
  upcast: Upcaster | undefined,
  isoInstantOf: (recordedAt: RecordedAt) => string,
): RecordedEvent {
  const [globalPosition, eventId, streamId, streamVersion, storedType, schemaVersion, json, metadata, recordedAt] = row;
  let type = storedType;
  let version = schemaVersion;
  let data = JSON.parse(json) as unknown;
  if (upcast) ({ type, version, data } = upcast({ type, version, data }));
  return {
    type,
    version,
    // What was appended as `data`, so it has the port's type; JSON round-tripping keeps its shape.
    data: data as RecordedEvent['data'],
    eventId,
    streamId,
    streamVersion,
    // Exact: SQLite's integer fits a number up to 2^53 events, PostgreSQL's bigint comes as text.
    globalPosition: BigInt(globalPosition),
    recordedAt: isoInstantOf(recordedAt),
    metadata: JSON.parse(metadata),
  };
}
