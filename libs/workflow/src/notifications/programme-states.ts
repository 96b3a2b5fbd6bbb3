import { evolveProgramme, initialProgrammeState, type ProgrammeEvent, type ProgrammeState } from '@orgchange/domain';
import type { EventStore, RecordedEvent } from '@orgchange/event-store';

/**
 * The state of each programme just before the event being handled, folded from the programme's own stream.
 * The last state seen is kept per stream, so following a programme event by event folds each event once; any
 * other jump (a restart, an event handled elsewhere) reads the stream again.
 */
export class ProgrammeStates {
  private readonly states = new Map<string, { version: number; state: ProgrammeState }>();

  constructor(private readonly store: Pick<EventStore, 'readStream'>) {}

  async before(event: RecordedEvent): Promise<ProgrammeState> {
    const cached = this.states.get(event.streamId);
    if (cached && cached.version === event.streamVersion - 1) return cached.state;
    const history = await this.store.readStream(event.streamId);
    return history.filter((e) => e.streamVersion < event.streamVersion).reduce((s, e) => evolveProgramme(s, e as unknown as ProgrammeEvent), initialProgrammeState());
  }

  /** Remembers the state after `event`, once it has been handled. */
  handled(event: RecordedEvent, before: ProgrammeState): void {
    this.states.set(event.streamId, { version: event.streamVersion, state: evolveProgramme(before, event as unknown as ProgrammeEvent) });
  }
}
