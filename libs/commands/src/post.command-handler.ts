import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
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
import { EVENT_STORE, type EventStore, handleCommand, loadState } from '@orgchange/event-store';
import { type CommandOutcome, ExecutePostCommand, type PostCommandRequest } from './command-messages';
import { EventsAppended } from './events-appended.event';

/**
 * Posts and appointments. Before deciding, the handler reads the facts a post's rules need from other
 * streams (is the unit open on the date, is the person registered). Those streams are not locked: a unit
 * dissolved in the same instant as an appointment is made can let the appointment through, and the
 * projections show it as a holder of a post in a closed unit, to be corrected.
 */
@CommandHandler(ExecutePostCommand)
export class PostCommandHandler implements ICommandHandler<ExecutePostCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecutePostCommand): Promise<CommandOutcome> {
    const full = await this.withContext(command);
    const result = await handleCommand(this.store, streamDeciders.post, postStream(command.data.postId), full, envelope);
    this.eventBus.publish(new EventsAppended([result]));
    return { results: [result] };
  }

  private async withContext(command: PostCommandRequest): Promise<PostCommand> {
    switch (command.type) {
      case 'CreatePost':
        return { ...command, context: { unitOpen: await this.unitOpen(command.data.organisationId, command.data.unitId, command.data.effectiveFrom) } };
      case 'StartAppointment': {
        const post = (await loadState(this.store, streamDeciders.post, postStream(command.data.postId))).current;
        const context: PostContext = {
          unitOpen: post.status === 'created' && (await this.unitOpen(post.organisationId, post.unitId, command.data.effectiveFrom)),
          personKnown: (await this.store.streamVersion(personStream(command.data.personId))) >= 0,
        };
        return { ...command, context };
      }
      default:
        return command;
    }
  }

  private async unitOpen(organisationId: string, unitId: string, on: CalendarDate): Promise<boolean> {
    const organisation = (await loadState(this.store, streamDeciders.organisation, organisationStream(organisationId))).current;
    return isOrganisationOpenOn(organisation, on) && isUnitOpenOn(organisation.units[unitId], on);
  }
}
