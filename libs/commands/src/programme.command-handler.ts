import { Inject } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { calendarDateOf, type ProgrammeCommand, programmeDecider, programmeStream } from '@orgchange/domain';
import { AggregateStateCache, EVENT_STORE, type EventStore, handleCommand } from '@orgchange/event-store';
import { CLOCK, type Clock } from './clock';
import { type CommandOutcome, ExecuteProgrammeCommand } from './command-messages';
import { EventsAppended } from './events-appended.event';

/**
 * A change programme's commands, on its own stream. `today` comes from the injected clock, never from the
 * caller: the workflow's rules (a consultation's last day, a change not yet due) are about the real day.
 */
@CommandHandler(ExecuteProgrammeCommand)
export class ProgrammeCommandHandler implements ICommandHandler<ExecuteProgrammeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: AggregateStateCache,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ command, envelope }: ExecuteProgrammeCommand): Promise<CommandOutcome> {
    const dated = { ...command, data: { ...command.data, today: calendarDateOf(this.clock.now()) } } as ProgrammeCommand;
    const result = await handleCommand(this.store, programmeDecider, programmeStream(command.data.programmeId), dated, envelope, this.states);
    this.eventBus.publish(new EventsAppended([result]));
    return { results: [result] };
  }
}
