import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { organisationStream, streamDeciders } from '@orgchange/domain';
import { AggregateStateCache, EVENT_STORE, type EventStore, handleCommand } from '@orgchange/event-store';
import { type CommandOutcome, ExecuteOrganisationCommand } from './command-messages';
import { EventsAppended } from './events-appended.event';

@CommandHandler(ExecuteOrganisationCommand)
export class OrganisationCommandHandler implements ICommandHandler<ExecuteOrganisationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: AggregateStateCache,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecuteOrganisationCommand): Promise<CommandOutcome> {
    const streamId = organisationStream(command.data.organisationId);
    const result = await handleCommand(this.store, streamDeciders.organisation, streamId, command, envelope, this.states);
    this.eventBus.publish(new EventsAppended([result]));
    return { results: [result] };
  }
}
