import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { type CorrectionCommand, type DomainEvent, domainError, isDomainError, streamDeciders } from '@orgchange/domain';
import {
  AggregateStateCache,
  type AppendResult,
  assertExpectedVersion,
  categoryOf,
  type CommandEnvelope,
  DomainRuleViolation,
  EVENT_STORE,
  type EventStore,
  foldHistory,
  handleCommand,
  handleMultiStreamCommand,
  type RecordedEvent,
} from '@orgchange/event-store';
import { type CommandOutcome, ExecuteCorrectionCommand } from './command-messages';
import { isCopyOf, streamsHoldingCopies } from './event-copies';
import { EventsAppended } from './events-appended.event';

/**
 * Appends a retraction or correction to the stream that holds the target event, decided by that stream's rules.
 * A cross-organisation event has a copy in each organisation's stream: every copy gets the same correction, in
 * one transaction, or none does, so the organisations' records never disagree about what happened.
 */
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
    const decider = streamDeciders[category as keyof typeof streamDeciders] as typeof streamDeciders.post;
    const holders = streamsHoldingCopies(target);
    const results = holders
      ? await this.correctEveryCopy(target, holders, command, envelope)
      : [await handleCommand(this.store, decider, target.streamId, command as never, envelope, this.states)];
    this.eventBus.publish(new EventsAppended(results));
    return { results };
  }

  /**
   * One correction per copy, each decided by its own stream's state, the copies found in the histories the decision
   * reads; the caller's If-Match is the target stream's (the first of `streams`).
   */
  private correctEveryCopy(target: RecordedEvent, streams: readonly string[], command: CorrectionCommand, envelope: CommandEnvelope): Promise<readonly AppendResult[]> {
    const decider = streamDeciders.organisation;
    const isCopy = isCopyOf(target);
    return handleMultiStreamCommand(
      this.store,
      streams,
      (histories) => {
        if (envelope.expectedVersion !== undefined) assertExpectedVersion(target.streamId, envelope.expectedVersion, histories[0].at(-1)?.streamVersion ?? -1);
        const decided = histories.map((history) => {
          const copy = history.find(isCopy);
          return copy ? decider.decide({ ...command, data: { ...command.data, targetEventId: copy.eventId } } as never, foldHistory(decider, history)) : [];
        });
        const refused = decided.find(isDomainError);
        return refused ?? (decided as readonly (readonly DomainEvent[])[]);
      },
      // The streams other than the target's have no version the caller could have known: the check is above.
      { ...envelope, expectedVersion: undefined },
      this.states,
    );
  }
}
