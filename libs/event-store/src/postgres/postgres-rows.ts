import { ConcurrencyError, DuplicateEventIdError } from '../event-store.errors';
import type { AppendRequest, AppendResult, ExpectedVersion, RecordedEvent } from '../event-store.port';
import type { Upcaster } from '../upcasting';
import { recordedEventFromRow, type StoredEventRow } from '../stored-event-row';

/**
 * Columns of an event read, in this order, as an array row (`rowMode: 'array'`: cheaper than objects on the
 * read-all path). Data and metadata come back as text and are parsed here, once. Recorded time comes as
 * epoch milliseconds (stored truncated to them) and becomes the port's ISO instant here: measured cheaper
 * than formatting it with to_char on the server, which shares the machine's cores.
 */
export const EVENT_COLUMNS = `global_position::text AS position_text, event_id, stream_id, stream_version, type, schema_version, data::text, metadata::text,
  (extract(epoch FROM recorded_at) * 1000)::bigint::text`;

export type EventRow = StoredEventRow<string, string>;

/** Turns a row into the port's event: JSON parsed, old schema versions upcast, epoch milliseconds as an ISO instant. */
export const recordedEventOf = (row: EventRow, upcast: Upcaster | undefined): RecordedEvent => recordedEventFromRow(row, upcast, isoOf);

let lastMillis = '';
let lastIso = '';
/** Events of one append share their recorded time, so the last conversion is kept. */
function isoOf(millis: string): string {
  if (millis !== lastMillis) {
    lastIso = new Date(Number(millis)).toISOString();
    lastMillis = millis;
  }
  return lastIso;
}

/** The parallel arrays `orgchange_append` takes (see postgres-schema.ts). */
export function appendArguments(requests: readonly AppendRequest[]): unknown[] {
  const events = requests.flatMap((r) => r.events);
  return [
    requests.map((r) => r.streamId),
    requests.map((r) => String(r.expectedVersion)),
    requests.map((r) => r.events.length),
    events.map((e) => e.eventId),
    events.map((e) => e.type),
    events.map((e) => e.version),
    events.map((e) => JSON.stringify(e.data)),
    events.map((e) => JSON.stringify(e.metadata)),
  ];
}

export type AppendRow = [request: number, eventId: string | null, type: string | null, position: string | null, version: number | null, alreadyStored: boolean, next: number];

/** Groups the function's rows back into one result per request, in request order. */
export function appendResults(requests: readonly AppendRequest[], rows: readonly AppendRow[]): AppendResult[] {
  const results = requests.map((r) => ({ streamId: r.streamId, nextExpectedVersion: -1, events: [] as AppendResult['events'][number][], alreadyStored: false }));
  for (const [request, eventId, type, position, version, alreadyStored, next] of rows) {
    const result = results[request - 1];
    result.nextExpectedVersion = next;
    result.alreadyStored = alreadyStored;
    if (eventId !== null) result.events.push({ eventId, type: type!, globalPosition: BigInt(position!), streamVersion: version! });
  }
  return results;
}

/** Translates the server's errors at the adapter's edge, so callers only ever see the port's errors. */
export function translateAppendError(error: unknown): unknown {
  const { code, message, detail, hint, constraint } = (error ?? {}) as Record<string, string | undefined>;
  if (code === 'OCCON') return new ConcurrencyError(message!, expectedOf(detail!), Number(hint));
  if (code === 'OCDUP') return new DuplicateEventIdError(message!);
  if (code === '23505' && constraint === 'events_event_id_key') {
    return new DuplicateEventIdError(/\(event_id\)=\((.*)\)/.exec(detail ?? '')?.[1] ?? 'unknown');
  }
  return error;
}

const expectedOf = (text: string): ExpectedVersion => (/^-?\d+$/.test(text) ? Number(text) : (text as ExpectedVersion));
