import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideAcrossOrganisations,
  isDomainError,
  organisationStream,
  type OrganisationState,
  organisationsInvolved,
  streamDeciders,
} from '@orgchange/domain';
import { EVENT_STORE, type EventStore, foldHistory, handleMultiStreamCommand } from '@orgchange/event-store';
import { type CommandOutcome, ExecuteCrossOrganisationCommand } from './command-messages';
import { EventsAppended } from './events-appended.event';

/** Mergers, splits and boundary changes: one decision over every organisation involved, one transaction. */
@CommandHandler(ExecuteCrossOrganisationCommand)
export class CrossOrganisationCommandHandler implements ICommandHandler<ExecuteCrossOrganisationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecuteCrossOrganisationCommand): Promise<CommandOutcome> {
    const ids = organisationsInvolved(command);
    const decider = streamDeciders.organisation;
    const results = await handleMultiStreamCommand(
      this.store,
      ids.map(organisationStream),
      (histories) => {
        const states: Record<string, OrganisationState> = {};
        histories.forEach((history, i) => (states[ids[i]] = foldHistory(decider, history).current));
        const decision = decideAcrossOrganisations(command, states);
        return isDomainError(decision) ? decision : ids.map((id) => decision[id] ?? []);
      },
      // Several streams move together, so a caller's single If-Match cannot apply; conflicts are retried.
      { ...envelope, expectedVersion: undefined },
    );
    this.eventBus.publish(new EventsAppended(results));
    return { results };
  }
}
