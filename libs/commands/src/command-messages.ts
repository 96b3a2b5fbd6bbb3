import { Command } from '@nestjs/cqrs';
import type {
  CorrectionCommand,
  CrossOrganisationCommand,
  OrganisationCommand,
  PersonCommand,
  PostCommand,
  ProgrammeCommand,
} from '@orgchange/domain';
import type { AppendResult, CommandEnvelope } from '@orgchange/event-store';

/** What every command returns: one result per stream it appended to. */
export type CommandOutcome = Readonly<{ results: readonly AppendResult[] }>;

/** Post commands arrive without their context; the handler reads it from the unit's and person's streams. */
export type PostCommandRequest = PostCommand extends infer C ? (C extends { context: unknown } ? Omit<C, 'context'> : C) : never;

/** Programme commands arrive without `today`: the handler takes it from the clock. */
export type ProgrammeCommandRequest = WithoutToday<ProgrammeCommand>;
type WithoutToday<C> = C extends { type: infer T; data: infer D } ? { type: T; data: Omit<D, 'today'> } : never;

/** CommandBus messages, one per stream type: a domain command plus its envelope. */
export class ExecuteOrganisationCommand extends Command<CommandOutcome> {
  constructor(readonly command: OrganisationCommand, readonly envelope: CommandEnvelope) {
    super();
  }
}

export class ExecuteCrossOrganisationCommand extends Command<CommandOutcome> {
  constructor(readonly command: CrossOrganisationCommand, readonly envelope: CommandEnvelope) {
    super();
  }
}

export class ExecutePostCommand extends Command<CommandOutcome> {
  constructor(readonly command: PostCommandRequest, readonly envelope: CommandEnvelope) {
    super();
  }
}

export class ExecutePersonCommand extends Command<CommandOutcome> {
  constructor(readonly command: PersonCommand, readonly envelope: CommandEnvelope) {
    super();
  }
}

/** A retraction or correction of an event, appended to the stream that holds the target event. */
export class ExecuteCorrectionCommand extends Command<CommandOutcome> {
  constructor(readonly command: CorrectionCommand, readonly envelope: CommandEnvelope) {
    super();
  }
}

export class ExecuteProgrammeCommand extends Command<CommandOutcome> {
  constructor(readonly command: ProgrammeCommandRequest, readonly envelope: CommandEnvelope) {
    super();
  }
}
