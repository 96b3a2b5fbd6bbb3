import type { Clock } from '@orgchange/commands';
import {
  calendarDateOf,
  type CalendarDate,
  dueTimers,
  type ProgrammeState,
  programmeDecider,
  programmeStream,
  type ProgrammeTimer,
  timerCommand,
} from '@orgchange/domain';
import { type CommandEnvelope, DomainRuleViolation, type EventStore, foldHistory, handleCommand, type RecordedEvent } from '@orgchange/event-store';
import { applyPlannedChange } from './apply-planned-change';
import type { ProgrammeTimerIndex } from './programme-timer-index';
import { timerEventIds } from './timer-event-ids';

/** What one run did: the day it ran for, the timers it fired, and the programmes it could not advance. */
export type TimerRunReport = Readonly<{
  today: CalendarDate;
  fired: readonly Readonly<{ programmeId: string; kind: ProgrammeTimer['kind']; changeId?: string; outcome: string }>[];
  errors: readonly Readonly<{ programmeId: string; message: string }>[];
}>;

export const TIMER_ACTOR = 'programme-timers';

/**
 * Fires the programmes' due timers for today (from the clock): finds the programmes with a due timer in the
 * index, then for each re-reads its stream and fires its due timers one at a time, earliest first, until none
 * is due. Every firing is decided by the programme's decider against the stream as it is, and its events get
 * ids derived from the timer, so firing twice (a second worker, a crash before the index caught up) appends
 * nothing the second time. One programme's failure is reported and the others still run.
 */
export class ProgrammeTimerRunner {
  constructor(
    private readonly store: EventStore,
    private readonly index: ProgrammeTimerIndex,
    private readonly clock: Clock,
  ) {}

  async runOnce(): Promise<TimerRunReport> {
    const today = calendarDateOf(this.clock.now());
    await this.index.catchUp();
    const fired: TimerRunReport['fired'][number][] = [];
    const errors: TimerRunReport['errors'][number][] = [];
    for (const programmeId of this.index.dueProgrammes(today)) {
      try {
        fired.push(...(await this.fireDue(programmeId, today)));
      } catch (error) {
        errors.push({ programmeId, message: error instanceof Error ? error.message : String(error) });
      }
    }
    await this.index.catchUp();
    return { today, fired, errors };
  }

  private async fireDue(programmeId: string, today: CalendarDate): Promise<TimerRunReport['fired'][number][]> {
    const fired: TimerRunReport['fired'][number][] = [];
    let previous: string | undefined;
    for (;;) {
      const history = await this.store.readStream(programmeStream(programmeId));
      const state = foldHistory(programmeDecider, history);
      const timer = nextToFire(state, today);
      if (!timer) return fired;
      // Each firing settles its timer; meeting the same one again would mean looping for ever.
      const key = `${timer.kind}:${timer.changeId ?? ''}`;
      if (key === previous) throw new Error(`timer ${key} of programme ${programmeId} fired but is still due`);
      previous = key;
      const outcome = await this.fire(programmeId, state, timer, today, history);
      if (outcome === 'not-due') return fired;
      fired.push({ programmeId, kind: timer.kind, ...(timer.changeId ? { changeId: timer.changeId } : {}), outcome });
    }
  }

  private async fire(programmeId: string, state: ProgrammeState, timer: ProgrammeTimer, today: CalendarDate, history: readonly RecordedEvent[]): Promise<string> {
    const envelope = envelopeFor(programmeId, timer, history);
    if (timer.kind === 'change-effective') {
      const change = state.status === 'none' ? undefined : state.changes.find((c) => c.changeId === timer.changeId);
      return change ? applyPlannedChange(this.store, programmeId, change, today, envelope) : 'not-due';
    }
    try {
      await handleCommand(this.store, programmeDecider, programmeStream(programmeId), timerCommand(timer, programmeId, today)!, envelope);
      return 'fired';
    } catch (error) {
      // Refused because the stream moved on since it was read (another worker fired it, a withdrawal): nothing is due.
      if (error instanceof DomainRuleViolation) return 'not-due';
      throw error;
    }
  }
}

/**
 * The earliest due timer, except that a closing-soon reminder is not sent once the consultation has already
 * ended (a worker that was down past the last day): a reminder after the close would tell nobody anything.
 */
function nextToFire(state: ProgrammeState, today: CalendarDate): ProgrammeTimer | undefined {
  const due = dueTimers(state, today);
  const ended = due.some((t) => t.kind === 'consultation-end');
  return due.find((t) => !(ended && t.kind === 'consultation-closing-soon'));
}

/** Timer events are caused by the programme's decision (when there is one) and carry its correlation id. */
function envelopeFor(programmeId: string, timer: ProgrammeTimer, history: readonly RecordedEvent[]): CommandEnvelope {
  const decided = history.findLast((e) => e.type === 'ProgrammeDecided');
  const cause = decided ?? history[history.length - 1];
  return {
    metadata: { actor: TIMER_ACTOR, correlationId: cause?.metadata.correlationId ?? programmeId, causationId: cause?.eventId, programmeId },
    newEventId: timerEventIds(programmeId, timer),
  };
}
