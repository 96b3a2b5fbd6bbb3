import { performance } from 'node:perf_hooks';
import { type CalendarDate, organisationStream } from '@orgchange/domain';
import { type AppendRequest, type RecordedEvent, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, StructureQuery } from '@orgchange/projections';

export type ColdAnswer = Readonly<{
  ms: number;
  events: number;
  streams: number;
  posts: number;
  /** Where the time went, in ms: finding the streams, reading them, copying, projecting, querying. */
  phases: Readonly<{ findStreams: number; readStreams: number; copy: number; project: number; query: number }>;
}>;

/**
 * A structure answered cold, straight from the log, for one organisation: find its streams (its organisation
 * stream, the posts created for it, the people appointed to them), read them, lay them in global order in a
 * fresh in-memory store, run the leadership projector over that, and ask the structure query.
 * There is no read model to say which posts are the organisation's, so they are found in the `events` table
 * (PostCreated with this organisationId): a scan of the whole log, in SQL.
 */
export async function coldStructure(source: SqliteEventStore, organisationId: string, at: CalendarDate): Promise<ColdAnswer> {
  const started = performance.now();
  const postStreams = source.database
    .prepare<[string], string>(`SELECT stream_id FROM events WHERE type = 'PostCreated' AND json_extract(data, '$.organisationId') = ?`)
    .pluck()
    .all(organisationId);
  const found = performance.now();

  const events: RecordedEvent[] = [...(await source.readStream(organisationStream(organisationId)))];
  const people = new Set<string>();
  for (const streamId of postStreams) {
    for (const event of await source.readStream(streamId)) {
      events.push(event);
      if (event.type === 'AppointmentStarted') people.add(`person-${(event.data as { personId: string }).personId}`);
    }
  }
  for (const streamId of people) events.push(...(await source.readStream(streamId)));
  events.sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : a.globalPosition > b.globalPosition ? 1 : 0));
  const read = performance.now();

  const scratch = new SqliteEventStore({ file: ':memory:' });
  try {
    await scratch.appendMany(inLogOrder(events));
    const copied = performance.now();
    const { applied } = await new LeadershipProjector(scratch).rebuild();
    const projected = performance.now();
    const view = new StructureQuery(scratch.database).structure(organisationId, { at, position: applied }, 'now');
    const queried = performance.now();
    if (!view) throw new Error(`cold structure: ${organisationId} has no structure on ${at}`);
    return {
      ms: round3(queried - started),
      events: events.length,
      streams: 1 + postStreams.length + people.size,
      posts: view.counts.posts,
      phases: { findStreams: round3(found - started), readStreams: round3(read - found), copy: round3(copied - read), project: round3(projected - copied), query: round3(queried - projected) },
    };
  } finally {
    await scratch.close();
  }
}

/** One append request per run of consecutive events of a stream, so the copy keeps the log's order. */
function inLogOrder(events: readonly RecordedEvent[]): AppendRequest[] {
  const requests: { streamId: string; expectedVersion: 'any'; events: AppendRequest['events'][number][] }[] = [];
  for (const e of events) {
    const copy = { type: e.type, version: e.version, data: e.data, eventId: e.eventId, metadata: e.metadata };
    const last = requests[requests.length - 1];
    if (last?.streamId === e.streamId) last.events.push(copy);
    else requests.push({ streamId: e.streamId, expectedVersion: 'any', events: [copy] });
  }
  return requests;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
