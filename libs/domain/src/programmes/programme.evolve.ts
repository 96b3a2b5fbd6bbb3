import { assertNever } from '../shared/assert-never';
import type { ProgrammeEvent } from './programme.events';
import type { ProgrammeState } from './programme.state';

export const initialProgrammeState = (): ProgrammeState => ({ status: 'none' });

/** Folds one event into a programme's state. Events that do not apply leave the state unchanged. */
export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  if (event.type === 'ProgrammeDrafted') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return { status: 'drafted', programmeId: d.programmeId, title: d.title, organisationIds: d.organisationIds, changes: d.changes, reviewAfterMonths: d.reviewAfterMonths, applied: {}, failed: {} };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProposalPublished':
      return { ...state, status: 'proposal-published' };
    case 'ConsultationOpened':
      return { ...state, status: 'consultation-open', consultation: { opensOn: event.data.opensOn, lastDayOn: event.data.lastDayOn, days: event.data.days, responses: 0, closingAnnounced: false } };
    case 'ConsultationClosingSoon':
      return state.consultation ? { ...state, consultation: { ...state.consultation, closingAnnounced: true } } : state;
    case 'ConsultationResponseRecorded':
      return state.consultation ? { ...state, consultation: { ...state.consultation, responses: state.consultation.responses + 1 } } : state;
    case 'ConsultationWaived':
      return { ...state, status: 'consultation-closed', waivedBecause: event.data.reason };
    case 'ConsultationClosed':
      return { ...state, status: 'consultation-closed' };
    case 'ProgrammeDecided':
      return { ...state, status: 'scheduled', changes: event.data.changes, decidedOn: event.data.decidedOn };
    case 'PlannedChangeApplied':
      return { ...state, applied: { ...state.applied, [event.data.changeId]: event.data.appliedOn } };
    case 'PlannedChangeFailed':
      return { ...state, failed: { ...state.failed, [event.data.changeId]: event.data.code } };
    case 'ProgrammeTookEffect':
      return { ...state, status: 'effective', reviewDueOn: event.data.reviewDueOn };
    case 'ReviewFellDue':
      return { ...state, status: 'review-due' };
    case 'ProgrammeClosed':
      return { ...state, status: 'closed' };
    case 'ProgrammeWithdrawn':
      return { ...state, status: 'withdrawn' };
    default:
      return assertNever(event);
  }
}
