import { streamDeciders } from '@orgchange/domain';
import { categoryOf, type EventStore, type RecordedEvent } from '@orgchange/event-store';
import type { FactRow } from '../read-model/fact-row';
import { organisationStreamRows } from './derive-organisation-rows';
import { postStreamRows } from './derive-post-rows';

/** How a projected stream category folds its events and which fact rows its state contributes. */
type Projection = Readonly<{
  initialState: () => unknown;
  evolve: (state: unknown, event: RecordedEvent) => unknown;
  rowsOf: (state: unknown) => Map<string, FactRow>;
}>;

const asProjection = <S extends { current: C }, C>(
  decider: { initialState: () => S; evolve: (state: S, event: never) => S },
  rowsOf: (current: C) => Map<string, FactRow>,
): Projection => ({
  initialState: decider.initialState,
  evolve: (state, event) => decider.evolve(state as S, event as never),
  rowsOf: (state) => rowsOf((state as S).current),
});

const PROJECTIONS: Readonly<Record<string, Projection>> = {
  organisation: asProjection(streamDeciders.organisation, organisationStreamRows),
  post: asProjection(streamDeciders.post, postStreamRows),
};

/** A stream's folded state (with its corrections) and the fact rows it currently contributes. */
export type StreamView = Readonly<{ category: string; state: unknown; rows: ReadonlyMap<string, FactRow> }>;

/** The view of a stream with no events yet, or undefined for categories without fact rows (people). */
export function emptyView(streamId: string): StreamView | undefined {
  const category = categoryOf(streamId);
  const projection = PROJECTIONS[category];
  return projection ? { category, state: projection.initialState(), rows: new Map() } : undefined;
}

/** Folds events into a view and derives the rows of the resulting state. */
export function advance(view: StreamView, events: readonly RecordedEvent[]): StreamView {
  const projection = PROJECTIONS[view.category];
  const state = events.reduce(projection.evolve, view.state);
  return { category: view.category, state, rows: projection.rowsOf(state) };
}

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

  /** Makes sure every projected stream of `events` has a view as of just before its first event in the list. */
  async preload(store: EventStore, events: readonly RecordedEvent[]): Promise<void> {
    const first = new Map<string, RecordedEvent>();
    for (const event of events) if (!first.has(event.streamId)) first.set(event.streamId, event);
    for (const [streamId, { globalPosition: position, streamVersion }] of first) {
      if (this.views.has(streamId)) continue;
      const empty = emptyView(streamId);
      if (!empty) continue;
      // The stream starts in this page: nothing comes before it, so there is nothing to read.
      if (streamVersion === 0) {
        this.set(streamId, empty);
        continue;
      }
      const before = (await store.readStream(streamId)).filter((e) => e.globalPosition < position);
      this.set(streamId, before.length === 0 ? empty : advance(empty, before));
    }
  }
}
