import { type ExistingProgramme, pendingTimers, programmeDecider, programmeStream, type ProgrammeTimer } from '@orgchange/domain';
import { type EventStore, foldHistory, type RecordedEvent } from '@orgchange/event-store';

const PROGRAMME_PREFIX = 'programme-';

/** One line of the programme list. */
export type ProgrammeSummary = Readonly<{
  programmeId: string;
  title: string;
  status: ExistingProgramme['status'];
  organisationIds: readonly string[];
  changes: number;
  /** The stream version, to send back as If-Match. */
  version: number;
  nextTimer: ProgrammeTimer | null;
}>;

/** One event of a programme's timeline, with both its recorded time and its place in the log. */
export type ProgrammeTimelineEntry = Readonly<{
  eventId: string;
  type: string;
  streamVersion: number;
  globalPosition: number;
  recordedAt: string;
  actor: string;
  data: unknown;
}>;

export type ProgrammeDetail = Readonly<{
  programmeId: string;
  version: number;
  state: ExistingProgramme;
  pendingTimers: readonly ProgrammeTimer[];
  timeline: readonly ProgrammeTimelineEntry[];
}>;

/**
 * Programmes as their streams tell them, folded on request: there are tens or hundreds of programmes, each a
 * few dozen events, so no read model is kept for them.
 */
export class ProgrammeReader {
  constructor(private readonly store: EventStore) {}

  /** Every programme, in order of drafting. */
  async list(): Promise<ProgrammeSummary[]> {
    const summaries: ProgrammeSummary[] = [];
    for (const streamId of await this.store.listStreams('programme')) {
      const detail = await this.show(streamId.slice(PROGRAMME_PREFIX.length));
      if (!detail) continue;
      const { state } = detail;
      summaries.push({
        programmeId: detail.programmeId,
        title: state.title,
        status: state.status,
        organisationIds: state.organisationIds,
        changes: state.changes.length,
        version: detail.version,
        nextTimer: detail.pendingTimers.reduce<ProgrammeTimer | null>((soonest, t) => (soonest === null || t.dueOn < soonest.dueOn ? t : soonest), null),
      });
    }
    return summaries;
  }

  /** The programme's state, the timers it waits on, and its events; undefined when there is no such programme. */
  async show(programmeId: string): Promise<ProgrammeDetail | undefined> {
    const history = await this.store.readStream(programmeStream(programmeId));
    const state = foldHistory(programmeDecider, history);
    if (state.status === 'none') return undefined;
    return { programmeId, version: history[history.length - 1].streamVersion, state, pendingTimers: pendingTimers(state), timeline: history.map(toEntry) };
  }
}

const toEntry = (e: RecordedEvent): ProgrammeTimelineEntry => ({
  eventId: e.eventId,
  type: e.type,
  streamVersion: e.streamVersion,
  globalPosition: Number(e.globalPosition),
  recordedAt: e.recordedAt,
  actor: e.metadata.actor,
  data: e.data,
});
