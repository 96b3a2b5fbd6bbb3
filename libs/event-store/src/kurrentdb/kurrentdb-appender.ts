import { type AppendStreamRequest, jsonEvent, type KurrentDBClient, UnsupportedError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { DuplicateEventIdError } from '../event-store.errors';
import type { AppendRequest, AppendResult, NewEvent } from '../event-store.port';
import { assertExpectedVersion } from '../stream-rules';
import { assertUuidEventId, toEventData } from './kurrentdb-event-mapping';
import type { Claim, KurrentDbReads } from './kurrentdb-reads';
import type { KurrentDbStreamNames } from './kurrentdb-stream-names';

/** A request checked against the log: either a retry answered from what is stored, or new events to write. */
type Planned = Readonly<{ retried: AppendResult }> | Readonly<{ request: AppendRequest; current: number }>;

/**
 * Conflicts on an `'any'` or `'stream_exists'` append (the stream moved between our read and our write) are
 * retried with the new revision this many times; an explicit expected version is never retried.
 */
const MAX_ATTEMPTS = 20;

/**
 * Appends with the port's guarantees on KurrentDB:
 * - all or none across streams: every request, and one claim stream per event id, go in one KurrentDB
 *   multi-stream append (KurrentDB 25.1+), which commits atomically or not at all;
 * - event ids stored once: a claim stream `~event-id-<id>` is appended at "no stream", so a second event
 *   with the same id anywhere makes the whole append fail; its one event records where the id is stored,
 *   which answers retries with the original result and `readEvent` in one read;
 * - expected versions: checked against the stream's revision read just before, and enforced again by KurrentDB
 *   at write time with that exact revision (for `'any'`/`'stream_exists'` too, so claims can carry the
 *   event's revision; a conflict there is retried rather than reported).
 */
export class KurrentDbAppender {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: KurrentDbStreamNames,
    private readonly reads: KurrentDbReads,
    private readonly now: () => Date,
  ) {}

  async appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    checkRequests(requests, this.names);
    for (let attempt = 1; ; attempt += 1) {
      const planned = await this.inRequestOrder(requests.map((request, i) => this.plan(request, idsBefore(requests, i), attempt > 1)));
      const toWrite = planned.filter((p): p is Extract<Planned, { request: AppendRequest }> => 'request' in p && p.request.events.length > 0);
      try {
        if (toWrite.length > 0) await this.write(toWrite);
      } catch (error) {
        if (error instanceof UnsupportedError) throw new Error(`KurrentDbEventStore needs KurrentDB 25.1 or later (atomic multi-stream appends): ${error.message}`);
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt === MAX_ATTEMPTS) throw new Error(`append gave up after ${MAX_ATTEMPTS} conflicting concurrent writes`);
        // Planning again explains the conflict: a stale expected version, an id stored meanwhile, or a retry.
        continue;
      }
      return Promise.all(planned.map((p) => ('retried' in p ? p.retried : this.written(p.request, p.current))));
    }
  }

  /**
   * Reads what the request depends on and checks it in the order the other stores do: a stored first id (a
   * retry), then the expected version, then every other id (`earlier`: ids of the call's previous requests).
   * Only after a conflict is every id's claim read: before one, KurrentDB itself checks them as it writes.
   */
  private async plan(request: AppendRequest, earlier: ReadonlySet<string>, afterConflict: boolean): Promise<Planned> {
    const { streamId, events, expectedVersion } = request;
    const [current, first] = await Promise.all([
      this.reads.revisionOf(streamId),
      events.length > 0 ? this.reads.claimOf(events[0].eventId) : undefined,
    ]);
    // A stored first id means a retry, answered without a version check (the stream may have moved on), or a misuse.
    if (first) return { retried: await this.retried(request, first) };
    if (events.length > 0 && earlier.has(events[0].eventId)) throw new DuplicateEventIdError(events[0].eventId);
    assertExpectedVersion(streamId, expectedVersion, current);
    const repeated = indexOfRepeat(events, earlier);
    // The first offending id is named, in event order: a stored one before the repeat wins.
    const checkUpTo = repeated >= 0 ? repeated : afterConflict ? events.length : 1;
    const stored = await this.firstStored(events.slice(1, checkUpTo));
    if (stored) throw new DuplicateEventIdError(stored);
    if (repeated >= 0) throw new DuplicateEventIdError(events[repeated].eventId);
    return { request, current };
  }

  /**
   * Waits for every request's plan and reports failures as stores that write requests one after another do:
   * the first failing request's error, unless an earlier request holds an id stored before (which such a
   * store meets while writing that earlier request). `Promise.all` would throw whichever read finished first.
   */
  private async inRequestOrder(plans: readonly Promise<Planned>[]): Promise<Planned[]> {
    const settled = await Promise.allSettled(plans);
    const failedAt = settled.findIndex((s) => s.status === 'rejected');
    if (failedAt < 0) return settled.map((s) => (s as PromiseFulfilledResult<Planned>).value);
    for (const earlier of settled.slice(0, failedAt)) {
      const plan = (earlier as PromiseFulfilledResult<Planned>).value;
      const stored = 'request' in plan ? await this.firstStored(plan.request.events.slice(1)) : undefined;
      if (stored) throw new DuplicateEventIdError(stored);
    }
    throw (settled[failedAt] as PromiseRejectedResult).reason;
  }

  /** The first of these events whose id is claimed already. */
  private async firstStored(events: readonly NewEvent[]): Promise<string | undefined> {
    const claims = await Promise.all(events.map((e) => this.reads.claimOf(e.eventId)));
    const index = claims.findIndex((claim) => claim !== undefined);
    return index < 0 ? undefined : events[index].eventId;
  }

  /** Same ids, same stream, consecutive from the first id's place: the original result. Anything else reuses an id. */
  private async retried({ streamId, events }: AppendRequest, claim: Claim): Promise<AppendResult> {
    const stored = claim.streamId === streamId ? await this.reads.streamRange(streamId, claim.streamVersion, events.length) : [];
    const same = stored.length === events.length && stored.every((e, i) => e.eventId === events[i].eventId);
    if (!same) throw new DuplicateEventIdError(events[0].eventId);
    return { streamId, nextExpectedVersion: stored[stored.length - 1].streamVersion, events: stored.map(summary), alreadyStored: true };
  }

  private async write(planned: readonly Readonly<{ request: AppendRequest; current: number }>[]): Promise<void> {
    const recordedAt = this.now().toISOString();
    const appends: AppendStreamRequest[] = planned.map(({ request, current }) => ({
      streamName: this.names.streamOf(request.streamId),
      expectedState: current === -1 ? 'no_stream' : BigInt(current),
      events: request.events.map((event) => toEventData(event, recordedAt)),
    }));
    const claims: AppendStreamRequest[] = planned.flatMap(({ request, current }) =>
      request.events.map((event, i) => ({
        streamName: this.names.claimOf(event.eventId),
        expectedState: 'no_stream' as const,
        events: [jsonEvent({ type: 'EventIdClaimed', data: { streamId: request.streamId, streamVersion: current + 1 + i } satisfies Claim })],
      })),
    );
    await this.client.multiStreamAppend([...appends, ...claims]);
  }

  /** The result of a write that succeeded: its events read back for their global positions. */
  private async written({ streamId, events }: AppendRequest, current: number): Promise<AppendResult> {
    if (events.length === 0) return { streamId, nextExpectedVersion: current, events: [], alreadyStored: false };
    const stored = await this.reads.streamRange(streamId, current + 1, events.length);
    if (!stored.every((e, i) => e.eventId === events[i]?.eventId)) throw new Error(`stream ${streamId} does not hold the events just appended`);
    return { streamId, nextExpectedVersion: current + events.length, events: stored.map(summary), alreadyStored: false };
  }
}

/** Refuses, before anything is read or written, what KurrentDB could never store. */
function checkRequests(requests: readonly AppendRequest[], names: KurrentDbStreamNames): void {
  const streams = new Set<string>();
  for (const { streamId, events } of requests) {
    names.streamOf(streamId);
    // KurrentDB takes each stream once per multi-stream append.
    if (streams.has(streamId)) throw new Error(`appendMany names stream ${streamId} twice; KurrentDB appends to a stream once per transaction`);
    streams.add(streamId);
    for (const { eventId } of events) assertUuidEventId(eventId);
  }
}

/** Index of the first event whose id came earlier in the call (or in `earlier`), -1 when none did. */
function indexOfRepeat(events: readonly NewEvent[], earlier: ReadonlySet<string>): number {
  const seen = new Set(earlier);
  for (let i = 0; i < events.length; i += 1) {
    if (seen.has(events[i].eventId)) return i;
    seen.add(events[i].eventId);
  }
  return -1;
}

/** Event ids of the requests before the `index`th. */
const idsBefore = (requests: readonly AppendRequest[], index: number): ReadonlySet<string> =>
  new Set(requests.slice(0, index).flatMap((r) => r.events.map((e) => e.eventId)));

const summary = (e: AppendResult['events'][number]): AppendResult['events'][number] => ({
  eventId: e.eventId,
  type: e.type,
  globalPosition: e.globalPosition,
  streamVersion: e.streamVersion,
});
