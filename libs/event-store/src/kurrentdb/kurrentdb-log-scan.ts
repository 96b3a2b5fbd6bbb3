import type { Filter, RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { commitPositionOf } from './kurrentdb-event-mapping';
import type { KurrentDbReads } from './kurrentdb-reads';

const PAGE = 10_000;

/**
 * A fold over the part of `$all` that passes a server-side filter, kept up to date incrementally: each call
 * reads only the events committed since the last one. KurrentDB has no "count events" or "list streams of a
 * category" query without projections, and events are never deleted, so a fold that only moves forward
 * stays exact. The first call reads everything the filter passes; later ones read what is new.
 * Calls are serialised so two concurrent callers never fold the same events twice.
 */
export class LogScan<S> {
  private state: S;
  private position = 0n;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly reads: KurrentDbReads,
    private readonly filter: Filter,
    initial: S,
    private readonly fold: (state: S, event: KurrentRecordedEvent) => S,
  ) {
    this.state = initial;
  }

  /** The fold over every matching event committed before this call. */
  current(): Promise<S> {
    const next = this.running.then(() => this.catchUp());
    this.running = next.catch(() => undefined);
    return next;
  }

  private async catchUp(): Promise<S> {
    for (;;) {
      const page = await this.reads.allAfter(this.position, PAGE, this.filter);
      for (const event of page) this.state = this.fold(this.state, event);
      if (page.length > 0) this.position = commitPositionOf(page[page.length - 1])!;
      if (page.length < PAGE) return this.state;
    }
  }
}
