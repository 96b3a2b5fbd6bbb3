import {
  BACKWARDS,
  END,
  FORWARDS,
  type Filter,
  type KurrentDBClient,
  type RecordedEvent as KurrentRecordedEvent,
  START,
  StreamNotFoundError,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port';
import type { Upcaster } from '../upcasting';
import { assertOwnPosition, commitPositionOf, toRecordedEvent } from './kurrentdb-event-mapping';
import type { KurrentDbStreamNames } from './kurrentdb-stream-names';

/** Where a claimed event id is stored. */
export type Claim = Readonly<{ streamId: string; streamVersion: number }>;

/** The reads the adapter makes, each translated into our terms (missing stream = empty, revisions as numbers). */
export class KurrentDbReads {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: KurrentDbStreamNames,
    private readonly upcast?: Upcaster,
  ) {}

  /** Up to `count` events of a stream from revision `from` on, with their global positions. */
  async streamRange(streamId: string, from = 0, count = Number.MAX_SAFE_INTEGER): Promise<RecordedEvent[]> {
    const streamName = this.names.streamOf(streamId);
    const raw = await this.rawStream(streamName, { fromRevision: from === 0 ? START : BigInt(from), maxCount: count, direction: FORWARDS });
    if (raw.every((event) => commitPositionOf(event) !== undefined)) {
      for (let i = 1; i < raw.length; i += 1) {
        assertOwnPosition({ id: raw[i - 1].id, position: commitPositionOf(raw[i - 1])! }, raw[i], commitPositionOf(raw[i])!);
      }
      return raw.map((event) => toRecordedEvent(event, this.names, this.upcast));
    }
    // Some KurrentDB versions answer stream reads from the index, which has no commit positions: $all has them.
    const positions = await this.positionsInAll(streamName, raw);
    return raw.map((event) => toRecordedEvent(event, this.names, this.upcast, positions.get(event.id)));
  }

  /** Revision of the stream's last event, -1 when it has none. */
  async revisionOf(streamId: string): Promise<number> {
    const [last] = await this.rawStream(this.names.streamOf(streamId), { fromRevision: END, maxCount: 1, direction: BACKWARDS });
    return last === undefined ? -1 : Number(last.revision);
  }

  /** The claim of an event id, if it was ever stored. */
  async claimOf(eventId: string): Promise<Claim | undefined> {
    const [claim] = await this.rawStream(this.names.claimOf(eventId), { fromRevision: START, maxCount: 1, direction: FORWARDS });
    return claim && (claim.data as Claim);
  }

  /**
   * Events after `after` in `$all` order that pass `filter`, at most `limit`. KurrentDB starts a forward
   * read at the position given, inclusive, so the event at `after` itself is dropped here.
   */
  async allAfter(after: bigint, limit: number, filter: Filter): Promise<KurrentRecordedEvent[]> {
    const fromPosition = after > 0n ? { commit: after, prepare: after } : START;
    const page: KurrentRecordedEvent[] = [];
    let previous: { id: string; position: bigint } | undefined;
    for await (const resolved of this.client.readAll({ fromPosition, direction: FORWARDS, maxCount: limit + 1, filter })) {
      const event = resolved.event;
      const position = event && commitPositionOf(event);
      if (event === undefined || position === undefined) continue;
      assertOwnPosition(previous, event, position);
      previous = { id: event.id, position };
      if (position <= after) continue;
      page.push(event);
      if (page.length === limit) break;
    }
    return page;
  }

  private async rawStream(streamName: string, options: Parameters<KurrentDBClient['readStream']>[1]): Promise<KurrentRecordedEvent[]> {
    const events: KurrentRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamName, options)) if (resolved.event) events.push(resolved.event);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** Commit positions of a stream's events, found by reading `$all` filtered to that stream. */
  private async positionsInAll(streamName: string, events: readonly KurrentRecordedEvent[]): Promise<Map<string, bigint>> {
    const wanted = new Set(events.map((e) => e.id));
    const positions = new Map<string, bigint>();
    const filter = streamNameFilter({ regex: this.names.exactStreamRegex(streamName) });
    for await (const resolved of this.client.readAll({ fromPosition: START, direction: FORWARDS, filter })) {
      const position = resolved.event && commitPositionOf(resolved.event);
      if (resolved.event && position !== undefined && wanted.has(resolved.event.id)) positions.set(resolved.event.id, position);
      if (positions.size === wanted.size) break;
    }
    return positions;
  }
}
