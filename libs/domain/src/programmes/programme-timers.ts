import { addDays, type CalendarDate } from '../shared/calendar-date';
import { plannedEffectiveFrom } from './planned-change';
import type { ProgrammeCommand } from './programme.commands';
import { CLOSING_SOON_DAYS } from './programme.decider';
import { isSettled, type ProgrammeState } from './programme.state';

export type ProgrammeTimerKind = 'consultation-closing-soon' | 'consultation-end' | 'change-effective' | 'review-due';

/** Something the programme waits for: due on a day, fired by giving the programme a command then. */
export type ProgrammeTimer = Readonly<{ kind: ProgrammeTimerKind; dueOn: CalendarDate; changeId?: string }>;

/**
 * The timers a programme is waiting on, read from its state. They are as durable as the stream they come
 * from: a restart finds them again, a fired timer disappears because its event changed the state, and a
 * withdrawal cancels every one of them at once.
 */
export function pendingTimers(state: ProgrammeState): ProgrammeTimer[] {
  if (state.status === 'consultation-open' && state.consultation) {
    const c = state.consultation;
    const soon = addDays(c.lastDayOn, -CLOSING_SOON_DAYS);
    return [
      ...(c.closingAnnounced ? [] : [{ kind: 'consultation-closing-soon' as const, dueOn: soon < c.opensOn ? c.opensOn : soon }]),
      { kind: 'consultation-end', dueOn: addDays(c.lastDayOn, 1) },
    ];
  }
  if (state.status === 'scheduled') {
    return state.changes.filter((c) => !isSettled(state, c.changeId)).map((c) => ({ kind: 'change-effective', dueOn: plannedEffectiveFrom(c), changeId: c.changeId }));
  }
  if (state.status === 'effective' && state.reviewDueOn) return [{ kind: 'review-due', dueOn: state.reviewDueOn }];
  return [];
}

/** Timers due on or before `today`, earliest first. */
export const dueTimers = (state: ProgrammeState, today: CalendarDate): ProgrammeTimer[] =>
  pendingTimers(state)
    .filter((t) => t.dueOn <= today)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));

/**
 * The programme command a timer gives when it fires. A change's timer first decides the planned command on
 * its own stream; what that gave (applied or failed) is then recorded with `RecordChangeApplied` or
 * `RecordChangeFailed`, so it has no single command here.
 */
export function timerCommand(timer: ProgrammeTimer, programmeId: string, today: CalendarDate): ProgrammeCommand | undefined {
  switch (timer.kind) {
    case 'consultation-closing-soon':
      return { type: 'AnnounceConsultationClosing', data: { programmeId, today } };
    case 'consultation-end':
      return { type: 'CloseConsultation', data: { programmeId, today } };
    case 'review-due':
      return { type: 'MarkReviewDue', data: { programmeId, today } };
    case 'change-effective':
      return undefined;
  }
}
