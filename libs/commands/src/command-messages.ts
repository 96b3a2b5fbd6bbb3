import { Command } from '@nestjs/cqrs';
import type {
  CorrectionCommand,
  CrossOrganisationCommand,
  OrganisationCommand,
  PersonCommand,
  PostCommand,
} from '@orgchange/domain';
import type { AppendResult, CommandEnvelope } from '@orgchange/event-store';

/** What every command returns: one result per stream it appended to. */
export type CommandOutcome = Readonly<{ results: readonly AppendResult[] }>;

/** Post commands arrive without their context; the handler reads it from the unit's and person's streams. */
export type PostCommandRequest = PostCommand extends infer C ? (C extends { context: unknown } ? Omit<C, 'context'> : C) : never;

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
