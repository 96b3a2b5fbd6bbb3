import { type EventData, jsonEvent, type RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '@orgchange/domain';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import type { Upcaster } from '../upcasting';
import type { KurrentDbStreamNames } from './kurrentdb-stream-names';

/**
 * Keys of the event's KurrentDB metadata. Multi-stream appends accept only string values there, so our
 * envelope travels as strings: the metadata as JSON, the schema version and the recorded instant as text.
 */
const METADATA_KEY = 'orgchange.metadata';
const SCHEMA_VERSION_KEY = 'orgchange.schemaVersion';
const RECORDED_AT_KEY = 'orgchange.recordedAt';

/** KurrentDB accepts only UUIDs as event ids; ours are UUIDs by the port's convention, checked before any write. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Commit positions KurrentDB reports when it has none (stream reads on some versions): u64::MAX. */
const NO_POSITION = 2n ** 64n - 1n;

export function assertUuidEventId(eventId: string): void {
  if (!UUID.test(eventId)) throw new Error(`event id ${JSON.stringify(eventId)} is not a UUID, which KurrentDB requires`);
}

/** The event as KurrentDB stores it: our id, type and JSON data, and the envelope in its metadata. */
export function toEventData(event: NewEvent, recordedAt: string): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as Parameters<typeof jsonEvent>[0]['data'],
    metadata: {
      [METADATA_KEY]: JSON.stringify(event.metadata),
      [SCHEMA_VERSION_KEY]: String(event.version),
      [RECORDED_AT_KEY]: recordedAt,
    },
  });
}

/** The commit position of an event read from KurrentDB, or undefined when the read did not carry one. */
export function commitPositionOf(event: KurrentRecordedEvent): bigint | undefined {
  const commit = event.position?.commit;
  return commit === undefined || commit === NO_POSITION ? undefined : BigInt(commit);
}

/**
 * Checks that an event does not share its commit position with the one read just before it. The adapter's
 * positions (and checkpoints) need one commit position per event; a server that gave every event of a
 * transaction the same one would make a checkpoint between them ambiguous, so this fails loudly instead of
 * letting a resumed reader skip events.
 */
export function assertOwnPosition(previous: { id: string; position: bigint } | undefined, event: KurrentRecordedEvent, position: bigint): void {
  if (previous?.position === position) {
    throw new Error(
      `KurrentDB reported commit position ${position} for two events (${previous.id}, ${event.id}); ` +
        'KurrentDbEventStore needs one commit position per event (see docs/kurrentdb.md)',
    );
  }
}

/**
 * Our recorded event from KurrentDB's, upcast to the current schema. `globalPosition` is the commit position
 * (see docs/kurrentdb.md); the caller passes it when the read that found the event did not carry it.
 */
export function toRecordedEvent(event: KurrentRecordedEvent, names: KurrentDbStreamNames, upcast?: Upcaster, position?: bigint): RecordedEvent {
  const globalPosition = position ?? commitPositionOf(event);
  if (globalPosition === undefined) throw new Error(`KurrentDB returned event ${event.id} without a commit position`);
  const envelope = (isStringRecord(event.metadata) ? event.metadata : {}) as Record<string, string>;
  const stored = {
    type: event.type,
    version: Number(envelope[SCHEMA_VERSION_KEY] ?? '1'),
    data: event.isJson ? event.data : Buffer.from(event.data as Uint8Array).toString('base64'),
  };
  const { type, version, data } = upcast ? upcast(stored) : stored;
  return {
    type,
    version,
    data: data as RecordedEvent['data'],
    eventId: event.id,
    streamId: names.streamIdOf(event.streamId),
    streamVersion: Number(event.revision),
    globalPosition,
    // Events written by other tools have no envelope: KurrentDB's own commit time stands in for ours.
    recordedAt: envelope[RECORDED_AT_KEY] ?? event.created.toISOString(),
    metadata: (envelope[METADATA_KEY] ? JSON.parse(envelope[METADATA_KEY]) : {}) as EventMetadata,
  };
}

function isStringRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value);
}
