import { type CorrectionEvent, organisationDecider, postDecider, streamDeciders } from '@orgchange/domain';
import { categoryOf, type EventStore, foldHistory, type RecordedEvent } from '@orgchange/event-store';
import { organisationGrouping } from './derive-organisation-rows';
import { postGrouping } from './derive-post-rows';
import { LOG_ROW, type LogRow, type ProjectedEvent } from './log-pages';
import { diffGroupings, type Grouping, type RowChange } from './row-groups';

const CORRECTIONS: ReadonlySet<string> = new Set<CorrectionEvent['type']>(['EventRetracted', 'EventCorrected']);

/**
 * How a projected stream category folds its events and which fact rows its state contributes. Views hold the
 * domain state without the history `withCorrections` keeps beside it (holding every event of every cached
 * stream made most of a rebuild's garbage-collection work): an event is folded by the stream's own decider,
 * as `withCorrections` itself does, and a correction (rare) by folding the stream's history again.
 */
type Projection = Readonly<{
  initialState: () => unknown;
  /** Folds an event that is not a correction. */
  evolve: (state: unknown, event: ProjectedEvent) => unknown;
  /** The state after a stream's events from its first, corrections applied. */
  fold: (history: readonly ProjectedEvent[]) => unknown;
  /** How the state's fact rows divide into groups; undefined when it has none. */
  grouping: (state: unknown) => Grouping | undefined;
}>;

const asProjection = <S, W extends { current: S }>(
  decider: { initialState: () => S; evolve: (state: S, event: never) => S },
  corrected: { initialState: () => W; evolve: (state: W, event: never) => W },
  grouping: (state: S) => Grouping | undefined,
): Projection => ({
  initialState: decider.initialState,
  evolve: (state, event) => decider.evolve(state as S, event as never),
  fold: (history) => foldHistory(corrected as never as Parameters<typeof foldHistory<never, W>>[0], history as readonly RecordedEvent[]).current,
  grouping: (state) => grouping(state as S),
});

const PROJECTIONS: Readonly<Record<string, Projection>> = {
  organisation: asProjection(organisationDecider, streamDeciders.organisation, organisationGrouping),
  post: asProjection(postDecider, streamDeciders.post, postGrouping),
};

/** A stream's folded state (corrections applied); its fact rows are derived from it when needed. */
export type StreamView = Readonly<{ category: string; state: unknown }>;

/** Histories of the streams a page corrects, read before the page is applied (applying it is synchronous). */
export type CorrectedHistories = ReadonlyMap<string, readonly ProjectedEvent[]>;

/** The view of a stream with no events yet, or undefined for categories without fact rows (people). */
export function emptyView(streamId: string): StreamView | undefined {
  const category = categoryOf(streamId);
  const projection = PROJECTIONS[category];
  return projection ? { category, state: projection.initialState() } : undefined;
}

/**
 * Folds one event into a view, and adds to `change` the rows the event ended and added; a correction needs its
 * stream's history.
 */
export function advance(view: StreamView, event: ProjectedEvent, histories: CorrectedHistories, change: RowChange): StreamView {
  const projection = PROJECTIONS[view.category];
  let state: unknown;
  if (CORRECTIONS.has(event.type)) {
    const history = histories.get(event.streamId);
    if (!history) throw new Error(`the history of ${event.streamId} was not read before its correction at ${event.globalPosition}`);
    state = projection.fold(history.filter((e) => e.globalPosition <= event.globalPosition));
  } else {
    state = projection.evolve(view.state, event);
  }
  if (state !== view.state) diffGroupings(projection.grouping(view.state), projection.grouping(state), change);
  return { category: view.category, state };
}

/** The view of a stream after `history`, its events from the first. */
const foldedView = (empty: StreamView, history: readonly ProjectedEvent[]): StreamView => ({ category: empty.category, state: PROJECTIONS[empty.category].fold(history) });

/**
 * Views of recently seen streams, most recently used last, bounded so memory stays flat however long the
 * log is. A stream that has dropped out is folded again from the store, up to the event being applied.
 */
export class StreamViewCache {
  private readonly views = new Map<string, StreamView>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamView | undefined {
    return this.views.get(streamId);
  }

  set(streamId: string, view: StreamView): void {
    this.views.delete(streamId);
    this.views.set(streamId, view);
    if (this.views.size > this.capacity) this.views.delete(this.views.keys().next().value as string);
  }

  clear(): void {
    this.views.clear();
  }

  /**
   * Makes sure every projected stream of `events` has a view as of just before its first event in the list,
   * and returns the histories of the streams the list corrects.
   */
  async preload(store: EventStore, rows: readonly LogRow[]): Promise<CorrectedHistories> {
    const first = new Map<string, LogRow>();
    const corrected = new Set<string>();
    for (const row of rows) {
      const streamId = row[LOG_ROW.streamId];
      if (!first.has(streamId)) first.set(streamId, row);
      if (CORRECTIONS.has(row[LOG_ROW.type])) corrected.add(streamId);
    }
    const histories = new Map<string, readonly ProjectedEvent[]>();
    const historyOf = async (streamId: string) => histories.get(streamId) ?? histories.set(streamId, await store.readStream(streamId)).get(streamId)!;
    for (const [streamId, row] of first) {
      if (this.views.has(streamId)) continue;
      const position = BigInt(row[LOG_ROW.position]);
      const streamVersion = row[LOG_ROW.streamVersion];
      const empty = emptyView(streamId);
      if (!empty) continue;
      // The stream starts in this page: nothing comes before it, so there is nothing to read.
      if (streamVersion === 0) {
        this.set(streamId, empty);
        continue;
      }
      const before = (await historyOf(streamId)).filter((e) => e.globalPosition < position);
      this.set(streamId, before.length === 0 ? empty : foldedView(empty, before));
    }
    const needed = new Map<string, readonly ProjectedEvent[]>();
    for (const streamId of corrected) if (emptyView(streamId)) needed.set(streamId, await historyOf(streamId));
    return needed;
  }
}
