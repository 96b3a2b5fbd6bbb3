import type { CalendarDate } from '@orgchange/domain';

/** What a notification tells its recipient: one kind per programme step that people must hear about. */
export type NotificationKind =
  | 'proposal-published'
  | 'consultation-opened'
  | 'consultation-closing-soon'
  | 'programme-decided'
  | 'change-effective'
  | 'programme-withdrawn';

/**
 * Someone to tell: a post, a unit or an organisation, as impact analysis names them. `personIds` are the people
 * in it the day before the change; `changeIds` the programme's changes that reach it, and `reasons` how.
 */
export type NotifiedRecipient = Readonly<{
  recipientKind: 'post' | 'unit' | 'organisation';
  recipientId: string;
  organisationId: string;
  personIds: readonly string[];
  reasons: readonly string[];
  changeIds: readonly string[];
}>;

/**
 * One message to one recipient. `notificationId` is derived from (programme, change, recipient, kind), so
 * deciding it again after a crash gives the same id, and a channel can use it as its idempotency key.
 * `changeId` is null for a message about the programme as a whole (proposal, consultation, decision,
 * withdrawal) and names the change for `change-effective`.
 */
export type Notification = Readonly<{
  notificationId: string;
  kind: NotificationKind;
  programmeId: string;
  programmeTitle: string;
  changeId: string | null;
  recipient: NotifiedRecipient;
  /** The day the programme step happened (published, opened, announced, decided, applied, withdrawn). */
  occurredOn: CalendarDate;
  /** What the step says, e.g. the consultation's last day, the decision, the withdrawal's reason. */
  details: Readonly<Record<string, unknown>>;
  /** The programme event that caused it. */
  cause: Readonly<{ eventId: string; globalPosition: string }>;
}>;
