import type { FactRow } from '../read-model/fact-row';
import { emitEventFacts, type EventFactSink } from './event-facts';
import type { ProjectedEvent } from './log-pages';
import type { RowChange } from './row-groups';
import { advance, type CorrectedHistories, emptyView } from './stream-states';

/** Where a rebuild puts each version of a fact row, once, with both its recorded times (`to` null: still current). */
export interface VersionSink {
  version(row: FactRow, from: number, to: number | null): void;
}

const NO_HISTORIES: CorrectedHistories = new Map();
const isCorrection = (event: ProjectedEvent): boolean => event.type === 'EventRetracted' || event.type === 'EventCorrected';

/**
 * Folds one stream from its first event to its last, as the projector folds it event by event, and writes each
 * version of its fact rows once its recorded end is known: when a later event of the stream ends it, or, for
 * versions still current after the last event, with no end. A stream's rows depend on its own events only, so
 * streams can be replayed one at a time in any order and give the rows the projector gives in log order.
 */
export class StreamReplay {
  /** Versions of the stream being replayed that no event has ended yet, by row key. */
  private readonly open = new Map<string, { row: FactRow; from: number }>();
  private readonly change: RowChange = { ended: [], added: [] };

  constructor(
    private readonly versions: VersionSink,
    private readonly facts: EventFactSink,
  ) {}

  /** Replays `events`, every event of one stream in stream order. */
  replay(events: readonly ProjectedEvent[]): void {
    if (events.length === 0) return;
    let view = emptyView(events[0].streamId);
    // A correction refolds the stream's history up to it, and the whole stream is at hand.
    const histories = view && events.some(isCorrection) ? new Map([[events[0].streamId, events]]) : NO_HISTORIES;
    const { ended, added } = this.change;
    for (const event of events) {
      if (view) {
        ended.length = 0;
        added.length = 0;
        view = advance(view, event, histories, this.change);
        const position = Number(event.globalPosition);
        for (const row of ended) {
          const current = this.open.get(row.key);
          if (!current) continue;
          this.open.delete(row.key);
          this.versions.version(current.row, current.from, position);
        }
        for (const row of added) this.open.set(row.key, { row, from: position });
      }
      emitEventFacts(event, view, this.facts);
    }
    for (const { row, from } of this.open.values()) this.versions.version(row, from, null);
    this.open.clear();
  }
}
