import {
  type CalendarDate,
  isOrganisationOpenOn,
  isUnitOpenOn,
  organisationStream,
  personStream,
  type PostCommand,
  type PostContext,
  postStream,
  streamDeciders,
} from '@orgchange/domain';
import { type EventStore, loadState } from '@orgchange/event-store';
import type { PostCommandRequest } from './command-messages';

/**
 * Adds the facts from other streams that a post decision needs (is the unit open on the date, is the person
 * registered). Those streams are read, not locked: a unit dissolved in the same instant as an appointment is
 * made can let the appointment through, and the projections show it as a holder of a post in a closed unit,
 * to be corrected.
 */
export async function withPostContext(store: EventStore, command: PostCommandRequest): Promise<PostCommand> {
  switch (command.type) {
    case 'CreatePost':
      return { ...command, context: { unitOpen: await unitOpen(store, command.data.organisationId, command.data.unitId, command.data.effectiveFrom) } };
    case 'StartAppointment': {
      const post = (await loadState(store, streamDeciders.post, postStream(command.data.postId))).current;
      const context: PostContext = {
        unitOpen: post.status === 'created' && (await unitOpen(store, post.organisationId, post.unitId, command.data.effectiveFrom)),
        personKnown: (await store.streamVersion(personStream(command.data.personId))) >= 0,
      };
      return { ...command, context };
    }
    default:
      return command;
  }
}

async function unitOpen(store: EventStore, organisationId: string, unitId: string, on: CalendarDate): Promise<boolean> {
  const organisation = (await loadState(store, streamDeciders.organisation, organisationStream(organisationId))).current;
  return isOrganisationOpenOn(organisation, on) && isUnitOpenOn(organisation.units[unitId], on);
}
