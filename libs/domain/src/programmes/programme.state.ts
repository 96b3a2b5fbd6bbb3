import type { CalendarDate } from '../shared/calendar-date';
import type { PlannedChange } from './planned-change';

export type ProgrammeStatus =
  | 'drafted'
  | 'proposal-published'
  | 'consultation-open'
  | 'consultation-closed'
  | 'scheduled'
  | 'effective'
  | 'review-due'
  | 'closed'
  | 'withdrawn';

export type Consultation = Readonly<{ opensOn: CalendarDate; lastDayOn: CalendarDate; days: number; responses: number; closingAnnounced: boolean }>;

export type ProgrammeState =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: ProgrammeStatus;
      programmeId: string;
      title: string;
      organisationIds: readonly string[];
      /** The changes as proposed, then as decided (an amendment replaces them). */
      changes: readonly PlannedChange[];
      reviewAfterMonths: number;
      consultation?: Consultation;
      waivedBecause?: string;
      decidedOn?: CalendarDate;
      /** changeId → the day it was applied. */
      applied: Readonly<Record<string, CalendarDate>>;
      /** changeId → the rule it broke on its day. */
      failed: Readonly<Record<string, string>>;
      reviewDueOn?: CalendarDate;
    }>;

export type ExistingProgramme = Exclude<ProgrammeState, { status: 'none' }>;

/** A change is settled once it has been applied or has failed: the programme takes effect when all are. */
export const isSettled = (state: ExistingProgramme, changeId: string): boolean => changeId in state.applied || changeId in state.failed;
