import { type CrossOrganisationCommand, decideAcrossOrganisations, type DomainError, type DomainEvent, isDomainError, organisationsInvolved, type OrganisationState, organisationStream, streamDeciders } from '@orgchange/domain';
import { foldHistory, type RecordedEvent } from '@orgchange/event-store';

/**
 * A merger, split or boundary change ready for `handleMultiStreamCommand`: the stream of every organisation
 * involved, and one decision over all their histories (one event list per stream, in `streamIds` order).
 * Shared by the command handler and the programme timers, so a change made by a programme obeys the rules
 * of one made by hand.
 */
export function crossOrganisationDecision(command: CrossOrganisationCommand): Readonly<{
  streamIds: readonly string[];
  decide: (histories: readonly (readonly RecordedEvent[])[]) => readonly (readonly DomainEvent[])[] | DomainError;
}> {
  const ids = organisationsInvolved(command);
  return {
    streamIds: ids.map(organisationStream),
    decide: (histories) => {
      const states: Record<string, OrganisationState> = {};
      histories.forEach((history, i) => (states[ids[i]] = foldHistory(streamDeciders.organisation, history).current));
      const decision = decideAcrossOrganisations(command, states);
      return isDomainError(decision) ? decision : ids.map((id) => decision[id] ?? []);
    },
  };
}
