import type { CalendarDate } from '../shared/calendar-date';
import type { PlannedChange } from './planned-change';

type Ref = { programmeId: string };
/** The day the command is given, from the injected clock: the workflow reasons in calendar days. */
type Today = { today: CalendarDate };

export type DraftProgramme = { type: 'DraftProgramme'; data: Ref & Today & { title: string; organisationIds: string[]; changes: PlannedChange[]; reviewAfterMonths?: number } };
export type PublishProposal = { type: 'PublishProposal'; data: Ref & Today };
export type OpenConsultation = { type: 'OpenConsultation'; data: Ref & Today & { days: number; opensOn?: CalendarDate } };
export type RecordConsultationResponse = { type: 'RecordConsultationResponse'; data: Ref & Today & { responseId: string; respondent: string; summary: string } };
export type WaiveConsultation = { type: 'WaiveConsultation'; data: Ref & Today & { reason: string } };
/** Given by the closing-soon timer, a week before the consultation's last day. */
export type AnnounceConsultationClosing = { type: 'AnnounceConsultationClosing'; data: Ref & Today };
/** Given by the consultation timer on the day after its last day. */
export type CloseConsultation = { type: 'CloseConsultation'; data: Ref & Today };
export type DecideProgramme = { type: 'DecideProgramme'; data: Ref & Today & { decision: 'approved' | 'amended'; changes?: PlannedChange[]; reason?: string } };
/** Given by the effective-date timer once the change has been decided on its own stream. */
export type RecordChangeApplied = { type: 'RecordChangeApplied'; data: Ref & Today & { changeId: string; streamIds: string[] } };
export type RecordChangeFailed = { type: 'RecordChangeFailed'; data: Ref & Today & { changeId: string; code: string; message: string } };
export type MarkReviewDue = { type: 'MarkReviewDue'; data: Ref & Today };
export type CloseProgramme = { type: 'CloseProgramme'; data: Ref & Today & { reason?: string } };
export type WithdrawProgramme = { type: 'WithdrawProgramme'; data: Ref & Today & { reason: string } };

export type ProgrammeCommand =
  | DraftProgramme
  | PublishProposal
  | OpenConsultation
  | RecordConsultationResponse
  | WaiveConsultation
  | AnnounceConsultationClosing
  | CloseConsultation
  | DecideProgramme
  | RecordChangeApplied
  | RecordChangeFailed
  | MarkReviewDue
  | CloseProgramme
  | WithdrawProgramme;
