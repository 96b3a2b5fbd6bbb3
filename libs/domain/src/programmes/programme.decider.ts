import { addDays, addMonths } from '../shared/calendar-date';
import type { Decider } from '../shared/decider';
import { type DomainError, domainError } from '../shared/domain-error';
import { checkRealDate, firstError } from '../shared/rules';
import { checkPlannedChanges, type PlannedChange, plannedEffectiveFrom } from './planned-change';
import type { DecideProgramme, ProgrammeCommand, RecordChangeApplied, RecordChangeFailed } from './programme.commands';
import { evolveProgramme, initialProgrammeState } from './programme.evolve';
import type { ProgrammeEvent } from './programme.events';
import { type ExistingProgramme, isSettled, type ProgrammeState, type ProgrammeStatus } from './programme.state';

type Result = readonly ProgrammeEvent[] | DomainError;

/** Days before a consultation's last day when those affected are reminded that it is closing. */
export const CLOSING_SOON_DAYS = 7;
/** Months after the last change takes effect when the post-implementation review falls due, unless the programme says otherwise. */
export const DEFAULT_REVIEW_AFTER_MONTHS = 6;
const MAX_CONSULTATION_DAYS = 365;

/**
 * Decides commands against one change programme's stream: drafted → proposal published → consultation open →
 * consultation closed (or waived) → decided and scheduled → effective (every planned change settled) → review
 * due → closed; withdrawn at any point before a change has taken effect. The timers' commands (closing soon,
 * close consultation, record a change applied, review due) are decided here like the others, so a timer that
 * fires twice is refused the second time.
 */
export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  initialState: initialProgrammeState,
  evolve: evolveProgramme,
  decide: decideProgramme,
};

function decideProgramme(command: ProgrammeCommand, state: ProgrammeState): Result {
  const badDate = checkRealDate('today', command.data.today);
  if (badDate) return badDate;
  const today = command.data.today;
  const programmeId = command.data.programmeId;
  if (command.type === 'DraftProgramme') {
    const d = command.data;
    const reviewAfterMonths = d.reviewAfterMonths ?? DEFAULT_REVIEW_AFTER_MONTHS;
    const error = firstError(
      () => (state.status !== 'none' ? domainError('ProgrammeAlreadyExists', `programme ${programmeId} already exists`) : undefined),
      () => (d.title.trim() === '' ? domainError('ProgrammeNeedsTitle', 'a programme needs a title') : undefined),
      () => (d.organisationIds.length === 0 ? domainError('ProgrammeNeedsOrganisation', 'name at least one organisation the programme changes') : undefined),
      () => (Number.isInteger(reviewAfterMonths) && reviewAfterMonths >= 1 && reviewAfterMonths <= 60 ? undefined : domainError('InvalidReviewPeriod', 'reviewAfterMonths is a whole number from 1 to 60')),
      () => checkPlannedChanges(d.changes),
    );
    return error ?? [{ type: 'ProgrammeDrafted', version: 1, data: { programmeId, title: d.title, organisationIds: d.organisationIds, changes: d.changes, reviewAfterMonths, draftedOn: today } }];
  }
  if (state.status === 'none') return domainError('ProgrammeNotFound', `programme ${programmeId} does not exist`, { programmeId });
  switch (command.type) {
    case 'PublishProposal':
      return requireStatus(state, ['drafted'], 'publish its proposal') ?? [{ type: 'ProposalPublished', version: 1, data: { programmeId, publishedOn: today } }];
    case 'OpenConsultation': {
      const { days } = command.data;
      const opensOn = command.data.opensOn ?? today;
      const error = firstError(
        () => requireStatus(state, ['proposal-published'], 'open a consultation'),
        () => checkRealDate('opensOn', opensOn),
        () => (Number.isInteger(days) && days >= 1 && days <= MAX_CONSULTATION_DAYS ? undefined : domainError('InvalidConsultationPeriod', `a consultation lasts a whole number of days from 1 to ${MAX_CONSULTATION_DAYS}`)),
      );
      return error ?? [{ type: 'ConsultationOpened', version: 1, data: { programmeId, opensOn, days, lastDayOn: addDays(opensOn, days - 1) } }];
    }
    case 'RecordConsultationResponse': {
      const { responseId, respondent, summary } = command.data;
      const consultation = state.consultation;
      const error =
        requireStatus(state, ['consultation-open'], 'record a consultation response') ??
        (consultation && today < consultation.opensOn ? domainError('ConsultationNotYetOpen', `the consultation opens on ${consultation.opensOn}`) : undefined) ??
        (consultation && today > consultation.lastDayOn ? domainError('ConsultationEnded', `the consultation's last day was ${consultation.lastDayOn}`) : undefined);
      return error ?? [{ type: 'ConsultationResponseRecorded', version: 1, data: { programmeId, responseId, respondent, summary, receivedOn: today } }];
    }
    case 'WaiveConsultation': {
      const reason = command.data.reason.trim();
      const error = requireStatus(state, ['drafted', 'proposal-published'], 'waive consultation') ?? (reason === '' ? domainError('WaiverNeedsReason', 'consultation can be waived only with a reason') : undefined);
      return error ?? [{ type: 'ConsultationWaived', version: 1, data: { programmeId, reason, waivedOn: today } }];
    }
    case 'AnnounceConsultationClosing': {
      const c = state.consultation;
      const error =
        requireStatus(state, ['consultation-open'], 'announce that consultation is closing') ??
        (c!.closingAnnounced ? domainError('ClosingAlreadyAnnounced', 'the consultation closing was already announced') : undefined) ??
        (today < addDays(c!.lastDayOn, -CLOSING_SOON_DAYS) ? domainError('ConsultationNotClosingYet', `the consultation runs to ${c!.lastDayOn}`) : undefined);
      return error ?? [{ type: 'ConsultationClosingSoon', version: 1, data: { programmeId, lastDayOn: c!.lastDayOn, announcedOn: today } }];
    }
    case 'CloseConsultation': {
      const c = state.consultation;
      const error = requireStatus(state, ['consultation-open'], 'close the consultation') ?? (today <= c!.lastDayOn ? domainError('ConsultationStillOpen', `the consultation runs to ${c!.lastDayOn} inclusive`) : undefined);
      return error ?? [{ type: 'ConsultationClosed', version: 1, data: { programmeId, closedOn: addDays(c!.lastDayOn, 1), responses: c!.responses } }];
    }
    case 'DecideProgramme':
      return decide(command, state);
    case 'RecordChangeApplied':
    case 'RecordChangeFailed':
      return settle(command, state);
    case 'MarkReviewDue': {
      const error = requireStatus(state, ['effective'], 'mark its review due') ?? (today < state.reviewDueOn! ? domainError('ReviewNotYetDue', `the review falls due on ${state.reviewDueOn}`) : undefined);
      return error ?? [{ type: 'ReviewFellDue', version: 1, data: { programmeId, dueOn: state.reviewDueOn! } }];
    }
    case 'CloseProgramme':
      return requireStatus(state, ['review-due'], 'close it') ?? [{ type: 'ProgrammeClosed', version: 1, data: { programmeId, closedOn: today, ...(command.data.reason ? { reason: command.data.reason } : {}) } }];
    case 'WithdrawProgramme': {
      const reason = command.data.reason.trim();
      const error =
        requireStatus(state, ['drafted', 'proposal-published', 'consultation-open', 'consultation-closed', 'scheduled'], 'withdraw it') ??
        (Object.keys(state.applied).length > 0 ? domainError('ProgrammeAlreadyInEffect', `changes ${Object.keys(state.applied).join(', ')} have taken effect; record their reversal as a new programme`) : undefined) ??
        (reason === '' ? domainError('WithdrawalNeedsReason', 'a withdrawal needs a reason') : undefined);
      const cancelledChangeIds = state.status === 'scheduled' ? state.changes.filter((c) => !isSettled(state, c.changeId)).map((c) => c.changeId) : [];
      return error ?? [{ type: 'ProgrammeWithdrawn', version: 1, data: { programmeId, reason, withdrawnOn: today, cancelledChangeIds, previousStatus: state.status } }];
    }
    default:
      return command satisfies never;
  }
}

/** A decision needs the consultation closed (or waived); an amendment is possible until a change has taken effect. */
function decide(command: DecideProgramme, state: ExistingProgramme): Result {
  const { programmeId, decision, today, reason } = command.data;
  const changes: readonly PlannedChange[] = decision === 'amended' ? (command.data.changes ?? []) : state.changes;
  const error = firstError(
    () => (state.status === 'consultation-open' ? domainError('ConsultationStillOpen', `the consultation runs to ${state.consultation!.lastDayOn}; decide after it closes, or waive it with a reason before opening`) : undefined),
    () => (state.status === 'scheduled' && decision === 'approved' ? domainError('ProgrammeAlreadyDecided', `programme ${programmeId} was decided on ${state.decidedOn}`) : undefined),
    () => (state.status === 'scheduled' && Object.keys(state.applied).length > 0 ? domainError('ProgrammeAlreadyInEffect', 'a programme cannot be amended once one of its changes has taken effect') : undefined),
    () => (state.status === 'scheduled' ? undefined : requireStatus(state, ['consultation-closed'], 'decide it')),
    () => (decision === 'amended' && command.data.changes === undefined ? domainError('AmendmentNeedsChanges', 'an amended decision gives the changes that will take effect') : undefined),
    () => checkPlannedChanges(changes),
  );
  return error ?? [{ type: 'ProgrammeDecided', version: 1, data: { programmeId, decision, changes: [...changes], decidedOn: today, ...(reason ? { reason } : {}) } }];
}

/** Records a scheduled change as applied or failed on its day; the last one settled makes the programme effective. */
function settle(command: RecordChangeApplied | RecordChangeFailed, state: ExistingProgramme): Result {
  const { programmeId, changeId, today } = command.data;
  const change = state.changes.find((c) => c.changeId === changeId);
  const error =
    (state.status === 'withdrawn' ? domainError('ProgrammeWithdrawn', `programme ${programmeId} was withdrawn; its changes do not take effect`) : undefined) ??
    requireStatus(state, ['scheduled'], 'apply a planned change') ??
    (change === undefined ? domainError('PlannedChangeNotFound', `programme ${programmeId} plans no change ${changeId}`) : undefined) ??
    (isSettled(state, changeId) ? domainError('PlannedChangeAlreadySettled', `change ${changeId} was already ${changeId in state.applied ? 'applied' : 'recorded as failed'}`) : undefined) ??
    (today < plannedEffectiveFrom(change!) ? domainError('PlannedChangeNotYetDue', `change ${changeId} takes effect on ${plannedEffectiveFrom(change!)}`) : undefined);
  if (error) return error;
  const effectiveFrom = plannedEffectiveFrom(change!);
  const settled: ProgrammeEvent =
    command.type === 'RecordChangeApplied'
      ? { type: 'PlannedChangeApplied', version: 1, data: { programmeId, changeId, effectiveFrom, appliedOn: today, streamIds: command.data.streamIds } }
      : { type: 'PlannedChangeFailed', version: 1, data: { programmeId, changeId, effectiveFrom, code: command.data.code, message: command.data.message } };
  const after = evolveProgramme(state, settled) as ExistingProgramme;
  if (!after.changes.every((c) => isSettled(after, c.changeId))) return [settled];
  const lastEffective = after.changes.map(plannedEffectiveFrom).reduce((a, b) => (a > b ? a : b));
  const reviewDueOn = addMonths(lastEffective, after.reviewAfterMonths);
  const applied = Object.keys(after.applied).length;
  return [settled, { type: 'ProgrammeTookEffect', version: 1, data: { programmeId, applied, failed: after.changes.length - applied, reviewDueOn } }];
}

function requireStatus(state: ExistingProgramme, allowed: readonly ProgrammeStatus[], action: string): DomainError | undefined {
  if (allowed.includes(state.status)) return undefined;
  if (state.status === 'withdrawn') return domainError('ProgrammeWithdrawn', `programme ${state.programmeId} was withdrawn`);
  return domainError('InvalidProgrammeTransition', `cannot ${action} while the programme is ${state.status} (allowed when ${allowed.join(' or ')})`, { status: state.status, allowed });
}
