import type { Pool } from 'pg';
import { ConcurrencyError } from '../event-store.errors';
import type { AppendRequest, AppendResult } from '../event-store.port';
import { channelOf, lockAndReadHead } from './postgres-append-lock';
import { translateAppendError } from './postgres-rows';

/**
 * `orgchange_append_one` (migration 6): the per-command append, one new event at a numeric expected version
 * (-1 for `no_stream`), under the same lock and head as `orgchange_append`, with the same stream row, outbox
 * row and NOTIFY. The stream row's own update (or insert, for a new stream) is the version check, so there is
 * no separate read of it. It returns the event's position, or NULL when the stream has moved on and the event
 * id is already stored: a retry, which the general function answers with what is stored. A reused event id
 * fails on the unique index, and the caller hands it to the general function too.
 */
export const appendOneFunction = (schema: string): string => `
  CREATE FUNCTION orgchange_append_one(p_stream text, p_expected integer, p_id text, p_type text, p_version integer,
      p_data text, p_metadata text)
  RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    head bigint; head_time timestamptz; stamp timestamptz; actual integer;
  BEGIN
    ${lockAndReadHead(schema)}
    stamp := greatest(date_trunc('milliseconds', clock_timestamp()), head_time);
    head := head + 1;
    IF p_expected = -1 THEN
      INSERT INTO streams (stream_id, category, version, created_position)
        VALUES (p_stream, CASE WHEN position('-' in p_stream) = 0 THEN p_stream ELSE split_part(p_stream, '-', 1) END, 0, head)
        ON CONFLICT (stream_id) DO NOTHING;
    ELSE
      UPDATE streams s SET version = p_expected + 1 WHERE s.stream_id = p_stream AND s.version = p_expected;
    END IF;
    IF NOT FOUND THEN
      IF EXISTS (SELECT FROM events e WHERE e.event_id = p_id) THEN
        RETURN NULL;
      END IF;
      SELECT s.version INTO actual FROM streams s WHERE s.stream_id = p_stream;
      RAISE EXCEPTION USING ERRCODE = 'OCCON', MESSAGE = p_stream, DETAIL = p_expected::text, HINT = coalesce(actual, -1)::text;
    END IF;
    INSERT INTO events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
      VALUES (head, p_id, p_stream, p_expected + 1, p_type, p_version, p_data::json, p_metadata::json, stamp);
    INSERT INTO outbox (global_position) VALUES (head);
    PERFORM pg_notify('${channelOf(schema)}', head::text);
    RETURN head;
  END $$;`;

/** The expected version `orgchange_append_one` takes for this request, or undefined when it is not for it. */
function expectedNumberOf(request: AppendRequest): number | undefined {
  if (request.events.length !== 1) return undefined;
  const expected = request.expectedVersion;
  if (expected === 'no_stream') return -1;
  return typeof expected === 'number' && Number.isInteger(expected) ? expected : undefined;
}

/**
 * Appends a one-event request through `orgchange_append_one`, one round trip. Returns undefined when the
 * request is not of that shape, or when the event id is already stored (a retry or a reused id), which the
 * general path must answer.
 */
export async function appendOne(pool: Pool, request: AppendRequest): Promise<AppendResult | undefined> {
  const expected = expectedNumberOf(request);
  if (expected === undefined) return undefined;
  const [event] = request.events;
  let position: string | null;
  try {
    const { rows } = await pool.query<[string | null]>({
      text: 'SELECT orgchange_append_one($1, $2, $3, $4, $5, $6, $7)',
      values: [request.streamId, expected, event.eventId, event.type, event.version, JSON.stringify(event.data), JSON.stringify(event.metadata)],
      rowMode: 'array',
      name: 'orgchange_append_one',
    });
    position = rows[0][0];
  } catch (error) {
    const { code, constraint, hint } = (error ?? {}) as Record<string, string | undefined>;
    if (code === '23505' && constraint === 'events_event_id_key') return undefined;
    // The caller's own expectation, as the general path reports it (`no_stream` rather than -1).
    if (code === 'OCCON') throw new ConcurrencyError(request.streamId, request.expectedVersion as string | number, Number(hint));
    throw translateAppendError(error);
  }
  if (position === null) return undefined;
  const streamVersion = expected + 1;
  return {
    streamId: request.streamId,
    nextExpectedVersion: streamVersion,
    events: [{ eventId: event.eventId, type: event.type, globalPosition: BigInt(position), streamVersion }],
    alreadyStored: false,
  };
}
