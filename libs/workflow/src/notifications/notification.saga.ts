import type { CalendarDate, ExistingProgramme, PlannedChange, ProgrammeEvent } from '@orgchange/domain';
import { notificationId } from './notification-id';
import type { Notification, NotificationKind, NotifiedRecipient } from './notification.types';

/** What `decide` needs besides the event: who the changes affect, and who has been told about the programme already. */
export type NotificationInputs = Readonly<{
  /** Recipients of `needs(…).changes`, as the {@link RecipientFinder} named them. */
  recipients: readonly NotifiedRecipient[];
  /** Everyone notified about this programme before this event, in the order first told (from the outbox). */
  alreadyNotified: readonly NotifiedRecipient[];
  cause: Notification['cause'];
}>;

/**
 * The questions to answer before deciding: whose changes to analyse, the changes they are read with (`context`: a
 * change applied alone is read with its programme's others), and whether the outbox's earlier recipients count.
 */
export type NotificationNeeds = Readonly<{ changes: readonly PlannedChange[]; context: readonly PlannedChange[]; alreadyNotified: boolean }>;

type Step = Readonly<{ kind: NotificationKind; changeId: string | null; occurredOn: CalendarDate; details: Record<string, unknown> }>;

/**
 * The notification saga as pure functions: a programme event and the programme's state before it in,
 * the notifications to put in the outbox out. No clock, no I/O, so a replay after a crash decides the same
 * notifications with the same ids.
 */
export const notificationSaga = {
  /** What to look up for `event`; undefined when the event notifies nobody. */
  needs(event: ProgrammeEvent, programme: ExistingProgramme): NotificationNeeds | undefined {
    switch (event.type) {
      case 'ProposalPublished':
      case 'ConsultationOpened':
      case 'ConsultationClosingSoon':
        return { changes: programme.changes, context: programme.changes, alreadyNotified: false };
      // Amended decisions may drop changes: those told about the proposal hear the decision too.
      case 'ProgrammeDecided':
        return { changes: event.data.changes, context: event.data.changes, alreadyNotified: true };
      case 'PlannedChangeApplied':
        return { changes: [plannedChange(programme, event.data.changeId)], context: programme.changes, alreadyNotified: false };
      // Compensation: whoever was told about a programme that will now not happen is told it is off.
      case 'ProgrammeWithdrawn':
        return { changes: [], context: [], alreadyNotified: true };
      default:
        return undefined;
    }
  },

  /** One notification per recipient for `event`, in the order recipients were found. */
  decide(event: ProgrammeEvent, programme: ExistingProgramme, inputs: NotificationInputs): Notification[] {
    const step = stepOf(event);
    if (step === undefined) return [];
    const audience = event.type === 'ProgrammeDecided' || event.type === 'ProgrammeWithdrawn' ? [...inputs.recipients, ...inputs.alreadyNotified] : inputs.recipients;
    return distinct(audience).map((recipient) => ({
      notificationId: notificationId(programme.programmeId, step.changeId, recipient, step.kind),
      kind: step.kind,
      programmeId: programme.programmeId,
      programmeTitle: programme.title,
      changeId: step.changeId,
      recipient,
      occurredOn: step.occurredOn,
      details: step.details,
      cause: inputs.cause,
    }));
  },
};

function stepOf(event: ProgrammeEvent): Step | undefined {
  const programmeWide = (kind: NotificationKind, occurredOn: CalendarDate, details: Record<string, unknown> = {}): Step => ({ kind, changeId: null, occurredOn, details });
  switch (event.type) {
    case 'ProposalPublished':
      return programmeWide('proposal-published', event.data.publishedOn);
    case 'ConsultationOpened':
      return programmeWide('consultation-opened', event.data.opensOn, { opensOn: event.data.opensOn, lastDayOn: event.data.lastDayOn, days: event.data.days });
    case 'ConsultationClosingSoon':
      return programmeWide('consultation-closing-soon', event.data.announcedOn, { lastDayOn: event.data.lastDayOn });
    case 'ProgrammeDecided': {
      const { decision, reason, changes } = event.data;
      return programmeWide('programme-decided', event.data.decidedOn, { decision, ...(reason ? { reason } : {}), changeIds: changes.map((c) => c.changeId) });
    }
    case 'PlannedChangeApplied':
      return { kind: 'change-effective', changeId: event.data.changeId, occurredOn: event.data.appliedOn, details: { effectiveFrom: event.data.effectiveFrom } };
    case 'ProgrammeWithdrawn': {
      const { reason, previousStatus, cancelledChangeIds } = event.data;
      return programmeWide('programme-withdrawn', event.data.withdrawnOn, { reason, previousStatus, cancelledChangeIds });
    }
    default:
      return undefined;
  }
}

function plannedChange(programme: ExistingProgramme, changeId: string): PlannedChange {
  const change = programme.changes.find((c) => c.changeId === changeId);
  // A log that applies a change its programme never planned is corrupt: stop rather than tell nobody.
  if (!change) throw new Error(`programme ${programme.programmeId} plans no change ${changeId}, yet it was applied`);
  return change;
}

/** One entry per post, unit or organisation: the first found wins, so the order is the order of discovery. */
function distinct(recipients: readonly NotifiedRecipient[]): NotifiedRecipient[] {
  const seen = new Map<string, NotifiedRecipient>();
  for (const recipient of recipients) {
    const key = `${recipient.recipientKind} ${recipient.recipientId}`;
    if (!seen.has(key)) seen.set(key, recipient);
  }
  return [...seen.values()];
}
