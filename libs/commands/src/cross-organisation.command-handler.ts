import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateStateCache, EVENT_STORE, type EventStore, handleMultiStreamCommand } from '@orgchange/event-store';
import { crossOrganisationDecision } from './cross-organisation-decision';
import { type CommandOutcome, ExecuteCrossOrganisationCommand } from './command-messages';
import { EventsAppended } from './events-appended.event';

/** Mergers, splits and boundary changes: one decision over every organisation involved, one transaction. */
@CommandHandler(ExecuteCrossOrganisationCommand)
export class CrossOrganisationCommandHandler implements ICommandHandler<ExecuteCrossOrganisationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: AggregateStateCache,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecuteCrossOrganisationCommand): Promise<CommandOutcome> {
    const { streamIds, decide } = crossOrganisationDecision(command);
    const results = await handleMultiStreamCommand(
      this.store,
      streamIds,
      decide,
      // Several streams move together, so a caller's single If-Match cannot apply; conflicts are retried.
      { ...envelope, expectedVersion: undefined },
      this.states,
    );
    this.eventBus.publish(new EventsAppended(results));
    return { results };
  }
}
