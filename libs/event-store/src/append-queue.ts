import type { AppendRequest, EventStore, NewEvent } from './event-store.port';

/**
 * Events decided in memory against known stream versions, waiting to be appended together. Writers that decide
 * many facts in a row (importers, the synthetic history) queue them here and append them in one transaction.
 * A run of events on the stream queued last joins that request, so each request's expected version is the one
 * its first event was decided against.
 */
export class AppendQueue {
  private requests: { streamId: string; expectedVersion: number | 'no_stream'; events: NewEvent[] }[] = [];
  private queued = 0;

  /** Queues `events` decided against the stream at `version` (-1: no stream yet). */
  enqueue(streamId: string, version: number, events: readonly NewEvent[]): void {
    if (events.length === 0) return;
    const last = this.requests[this.requests.length - 1];
    if (last?.streamId === streamId) last.events.push(...events);
    else this.requests.push({ streamId, expectedVersion: version < 0 ? 'no_stream' : version, events: [...events] });
    this.queued += events.length;
  }

  /** Events queued and not yet appended. */
  get pending(): number {
    return this.queued;
  }

  /** Appends everything queued in one `appendMany` (all or nothing) and empties the queue. Returns the number of events appended. */
  async flush(store: Pick<EventStore, 'appendMany'>): Promise<number> {
    if (this.requests.length === 0) return 0;
    const requests: AppendRequest[] = this.requests;
    const count = this.queued;
    this.requests = [];
    this.queued = 0;
    await store.appendMany(requests);
    return count;
  }
}
