import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { postStream, streamDeciders } from '@orgchange/domain';
import { AggregateStateCache, EVENT_STORE, type EventStore, handleCommand } from '@orgchange/event-store';
import { type CommandOutcome, ExecutePostCommand } from './command-messages';
import { EventsAppended } from './events-appended.event';
import { withPostContext } from './post-context';

/** Posts and appointments: the facts the post's rules need from other streams are read just before deciding. */
@CommandHandler(ExecutePostCommand)
export class PostCommandHandler implements ICommandHandler<ExecutePostCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: AggregateStateCache,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecutePostCommand): Promise<CommandOutcome> {
    const full = await withPostContext(this.store, command);
    const result = await handleCommand(this.store, streamDeciders.post, postStream(command.data.postId), full, envelope, this.states);
    this.eventBus.publish(new EventsAppended([result]));
    return { results: [result] };
  }
}
