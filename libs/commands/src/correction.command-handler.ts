import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { domainError, streamDeciders } from '@orgchange/domain';
import { AggregateStateCache, categoryOf, DomainRuleViolation, EVENT_STORE, type EventStore, handleCommand } from '@orgchange/event-store';
import { type CommandOutcome, ExecuteCorrectionCommand } from './command-messages';
import { EventsAppended } from './events-appended.event';

/** Appends a retraction or correction to the stream that holds the target event, decided by that stream's rules. */
@CommandHandler(ExecuteCorrectionCommand)
export class CorrectionCommandHandler implements ICommandHandler<ExecuteCorrectionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: AggregateStateCache,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecuteCorrectionCommand): Promise<CommandOutcome> {
    const target = await this.store.readEvent(command.data.targetEventId);
    const category = target ? categoryOf(target.streamId) : undefined;
    if (!target || !(category! in streamDeciders)) {
      throw new DomainRuleViolation(domainError('CorrectionTargetNotFound', `event ${command.data.targetEventId} is not in the log`));
    }
    const decider = streamDeciders[category as keyof typeof streamDeciders];
    const result = await handleCommand(this.store, decider as typeof streamDeciders.post, target.streamId, command as never, envelope, this.states);
    this.eventBus.publish(new EventsAppended([result]));
    return { results: [result] };
  }
}
