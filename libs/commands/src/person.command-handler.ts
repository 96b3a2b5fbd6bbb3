import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { personStream, streamDeciders } from '@orgchange/domain';
import { AggregateStateCache, EVENT_STORE, type EventStore, handleCommand } from '@orgchange/event-store';
import { type CommandOutcome, ExecutePersonCommand } from './command-messages';
import { EventsAppended } from './events-appended.event';

@CommandHandler(ExecutePersonCommand)
export class PersonCommandHandler implements ICommandHandler<ExecutePersonCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: AggregateStateCache,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecutePersonCommand): Promise<CommandOutcome> {
    const result = await handleCommand(this.store, streamDeciders.person, personStream(command.data.personId), command, envelope, this.states);
    this.eventBus.publish(new EventsAppended([result]));
    return { results: [result] };
  }
}
