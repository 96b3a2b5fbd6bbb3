import { crossOrganisationDecision, withPostContext, type PostCommandRequest } from '@orgchange/commands';
import {
  type CrossOrganisationCommand,
  type DomainError,
  type DomainEvent,
  isDomainError,
  type OrganisationCommand,
  organisationStream,
  type PlannedChange,
  postStream,
  streamDeciders,
} from '@orgchange/domain';
import { type EventStore, foldHistory, type RecordedEvent } from '@orgchange/event-store';
import { PLANNED_COMMAND_ROUTES } from '../programmes/planned-command-routes';

/**
 * A planned command made ready to decide inside a larger transaction: the streams it changes and a pure
 * decision over their histories (one event list per stream, in `streamIds` order), by the same deciders the
 * command handlers use, so a change made by a programme obeys exactly the rules of one made by hand.
 */
export type PlannedCommandDecision = Readonly<{
  streamIds: readonly string[];
  decide: (histories: readonly (readonly RecordedEvent[])[]) => readonly (readonly DomainEvent[])[] | DomainError;
}>;

export async function plannedCommandDecision(store: EventStore, command: PlannedChange['command']): Promise<PlannedCommandDecision> {
  switch (PLANNED_COMMAND_ROUTES[command.type]) {
    case 'organisation': {
      const organisationCommand = command as OrganisationCommand;
      const decider = streamDeciders.organisation;
      return {
        streamIds: [organisationStream(organisationCommand.data.organisationId)],
        decide: ([history]) => wrapOne(decider.decide(organisationCommand, foldHistory(decider, history))),
      };
    }
    case 'cross-organisation':
      return crossOrganisationDecision(command as CrossOrganisationCommand);
    case 'post': {
      // The post's facts from other streams are read now, as the post handler reads them just before deciding.
      const postCommand = await withPostContext(store, command as PostCommandRequest);
      const decider = streamDeciders.post;
      return {
        streamIds: [postStream(postCommand.data.postId)],
        decide: ([history]) => wrapOne(decider.decide(postCommand, foldHistory(decider, history))),
      };
    }
    default:
      throw new TypeError(`a programme cannot plan a ${(command as { type: string }).type} command`);
  }
}

const wrapOne = (events: readonly DomainEvent[] | DomainError): readonly (readonly DomainEvent[])[] | DomainError => (isDomainError(events) ? events : [events]);
