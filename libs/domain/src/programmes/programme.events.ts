import type { CalendarDate } from '../shared/calendar-date';
import type { DomainEvent } from '../shared/domain-event';
import type { PlannedChange } from './planned-change';

type Ref = { programmeId: string };

export type ProgrammeDrafted = DomainEvent<'ProgrammeDrafted', 1, Ref & { title: string; organisationIds: string[]; changes: PlannedChange[]; reviewAfterMonths: number; draftedOn: CalendarDate }>;
export type ProposalPublished = DomainEvent<'ProposalPublished', 1, Ref & { publishedOn: CalendarDate }>;
/** Consultation runs from `opensOn` to `lastDayOn`, both included; it closes the day after. */
export type ConsultationOpened = DomainEvent<'ConsultationOpened', 1, Ref & { opensOn: CalendarDate; days: number; lastDayOn: CalendarDate }>;
/** Announced a week before the last day, so those affected can still respond. */
export type ConsultationClosingSoon = DomainEvent<'ConsultationClosingSoon', 1, Ref & { lastDayOn: CalendarDate; announcedOn: CalendarDate }>;
export type ConsultationResponseRecorded = DomainEvent<'ConsultationResponseRecorded', 1, Ref & { responseId: string; respondent: string; summary: string; receivedOn: CalendarDate }>;
export type ConsultationWaived = DomainEvent<'ConsultationWaived', 1, Ref & { reason: string; waivedOn: CalendarDate }>;
export type ConsultationClosed = DomainEvent<'ConsultationClosed', 1, Ref & { closedOn: CalendarDate; responses: number }>;
/** Approved as proposed, or amended (with the changes that will take effect). */
export type ProgrammeDecided = DomainEvent<'ProgrammeDecided', 1, Ref & { decision: 'approved' | 'amended'; changes: PlannedChange[]; decidedOn: CalendarDate; reason?: string }>;
export type PlannedChangeApplied = DomainEvent<'PlannedChangeApplied', 1, Ref & { changeId: string; effectiveFrom: CalendarDate; appliedOn: CalendarDate; streamIds: string[] }>;
/** The change broke a rule of the record on its day (the structure moved on since the decision). */
export type PlannedChangeFailed = DomainEvent<'PlannedChangeFailed', 1, Ref & { changeId: string; effectiveFrom: CalendarDate; code: string; message: string }>;
export type ProgrammeTookEffect = DomainEvent<'ProgrammeTookEffect', 1, Ref & { applied: number; failed: number; reviewDueOn: CalendarDate }>;
export type ReviewFellDue = DomainEvent<'ReviewFellDue', 1, Ref & { dueOn: CalendarDate }>;
export type ProgrammeClosed = DomainEvent<'ProgrammeClosed', 1, Ref & { closedOn: CalendarDate; reason?: string }>;
/** Withdrawn before any change took effect; `cancelledChangeIds` were scheduled and will not happen. */
export type ProgrammeWithdrawn = DomainEvent<'ProgrammeWithdrawn', 1, Ref & { reason: string; withdrawnOn: CalendarDate; cancelledChangeIds: string[]; previousStatus: string }>;

export type ProgrammeEvent =
  | ProgrammeDrafted
  | ProposalPublished
  | ConsultationOpened
  | ConsultationClosingSoon
  | ConsultationResponseRecorded
  | ConsultationWaived
  | ConsultationClosed
  | ProgrammeDecided
  | PlannedChangeApplied
  | PlannedChangeFailed
  | ProgrammeTookEffect
  | ReviewFellDue
  | ProgrammeClosed
  | ProgrammeWithdrawn;
