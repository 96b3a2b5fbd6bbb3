import {
  type CalendarDate,
  type DomainEvent,
  domainError,
  dueTimers,
  type DomainError,
  isDomainError,
  type PlannedChange,
  type ProgrammeCommand,
  programmeDecider,
  type ProgrammeState,
  programmeStream,
} from '@orgchange/domain';
import { type CommandEnvelope, type EventStore, foldHistory, handleMultiStreamCommand } from '@orgchange/event-store';
import { plannedCommandDecision } from './planned-command-decision';

/** How a change-effective timer ended: applied, refused by the record's rules (recorded as failed), or nothing to do. */
export type ChangeOutcome = 'applied' | 'failed' | 'not-due';

/**
 * Decides a programme's planned change on its own stream(s) and records the outcome on the programme, all in
 * one transaction: the organisation or post events and `PlannedChangeApplied` commit together or not at all,
 * so a crash never leaves a change applied but unrecorded (it would be applied twice) or recorded but
 * missing. A change the record refuses on its day is recorded as `PlannedChangeFailed` with the rule's code.
 * The programme stream is re-read inside the decision, so a change already settled (or a withdrawal) makes
 * this a no-op.
 */
export async function applyPlannedChange(
  store: EventStore,
  programmeId: string,
  change: PlannedChange,
  today: CalendarDate,
  envelope: CommandEnvelope,
): Promise<ChangeOutcome> {
  const planned = await prepare(store, change);
  const targets = isDomainError(planned) ? [] : planned.streamIds;
  const streamIds = [...targets, programmeStream(programmeId)];
  let outcome: ChangeOutcome = 'not-due';
  const nothing = streamIds.map(() => [] as DomainEvent[]);
  await handleMultiStreamCommand(
    store,
    streamIds,
    (histories) => {
      outcome = 'not-due';
      const programme = foldHistory(programmeDecider, histories[histories.length - 1]);
      if (!stillDue(programme, change, today)) return nothing;
      const decided = isDomainError(planned) ? planned : decideSafely(() => planned.decide(histories.slice(0, -1)));
      const record: ProgrammeCommand = isDomainError(decided)
        ? { type: 'RecordChangeFailed', data: { programmeId, today, changeId: change.changeId, code: decided.code, message: decided.message } }
        : { type: 'RecordChangeApplied', data: { programmeId, today, changeId: change.changeId, streamIds: targets.filter((_, i) => decided[i].length > 0) } };
      const settled = programmeDecider.decide(record, programme);
      if (isDomainError(settled)) return settled;
      outcome = isDomainError(decided) ? 'failed' : 'applied';
      return [...(isDomainError(decided) ? targets.map(() => []) : decided), settled];
    },
    envelope,
  );
  return outcome;
}

/** A command that cannot even be routed or given its context is a failure of that change, not of the worker. */
async function prepare(store: EventStore, change: PlannedChange) {
  try {
    return await plannedCommandDecision(store, change.command);
  } catch (error) {
    return unprocessable(error);
  }
}

/**
 * A planned command is validated for its type and date when drafted, not for every field; one a decider
 * cannot read is recorded as failed rather than stopping every later timer of the worker.
 */
function decideSafely(decide: () => readonly (readonly DomainEvent[])[] | DomainError): readonly (readonly DomainEvent[])[] | DomainError {
  try {
    return decide();
  } catch (error) {
    return unprocessable(error);
  }
}

const unprocessable = (error: unknown): DomainError =>
  domainError('PlannedCommandUnprocessable', `the planned command could not be decided: ${error instanceof Error ? error.message : String(error)}`);

/** The programme still waits for this very change today (not settled, not withdrawn, not amended meanwhile). */
function stillDue(programme: ProgrammeState, change: PlannedChange, today: CalendarDate): boolean {
  if (programme.status === 'none') return false;
  const current = programme.changes.find((c) => c.changeId === change.changeId);
  if (!current || JSON.stringify(current.command) !== JSON.stringify(change.command)) return false;
  return dueTimers(programme, today).some((t) => t.kind === 'change-effective' && t.changeId === change.changeId);
}
