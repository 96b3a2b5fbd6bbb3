import {
  type CorrectionCommand,
  type DomainError,
  type DomainEvent,
  type EstablishedOrganisation,
  isDomainError,
  organisationStream,
  type OrganisationCommand,
  type PersonCommand,
  personStream,
  type PostCommand,
  postStream,
  streamDeciders,
} from '@orgchange/domain';
import { AppendQueue, type EventStore, type NewEvent } from '@orgchange/event-store';
import type { IdSource } from './id-source';

/** Thrown when the generator asks for something the domain refuses: a bug in the generator, never ignored. */
export class SyntheticHistoryError extends Error {
  constructor(
    readonly rule: DomainError,
    readonly streamId: string,
    readonly command: unknown,
  ) {
    super(`synthetic history broke rule ${rule.code} on ${streamId}: ${rule.message}; command ${JSON.stringify(command)}`);
    this.name = 'SyntheticHistoryError';
  }
}

type AnyDecider = Readonly<{
  initialState: () => unknown;
  evolve: (state: unknown, event: never) => unknown;
  decide: (command: never, state: unknown) => readonly DomainEvent[] | DomainError;
}>;
type Slot = { state: unknown; version: number };

/**
 * Decides commands in memory with the real stream deciders (with corrections), folds the decided events
 * into each stream's state, and queues them for the store in decision order. `flush` appends the queue in
 * one transaction, each stream's run of events at the version it was decided against.
 */
export class DecidedLog {
  private readonly streams = new Map<string, Slot>();
  private readonly queue = new AppendQueue();
  readonly byType: Record<string, number> = {};
  total = 0;

  organisation(organisationId: string, command: OrganisationCommand | CorrectionCommand, ids: IdSource): readonly NewEvent[] {
    return this.decide(streamDeciders.organisation as unknown as AnyDecider, organisationStream(organisationId), command, ids);
  }

  post(postId: string, command: PostCommand | CorrectionCommand, ids: IdSource): readonly NewEvent[] {
    return this.decide(streamDeciders.post as unknown as AnyDecider, postStream(postId), command, ids);
  }

  /** A person's stream is written once (registration), so only its version is kept afterwards: people outnumber posts. */
  person(personId: string, command: PersonCommand, ids: IdSource): readonly NewEvent[] {
    const streamId = personStream(personId);
    const events = this.decide(streamDeciders.person as unknown as AnyDecider, streamId, command, ids);
    this.streams.get(streamId)!.state = undefined;
    return events;
  }

  /** The organisation as folded so far (corrections applied). */
  organisationState(organisationId: string): EstablishedOrganisation {
    const current = (this.streams.get(organisationStream(organisationId))?.state as { current: EstablishedOrganisation } | undefined)?.current;
    if (current?.status !== 'established') throw new Error(`synthetic organisation ${organisationId} is not established`);
    return current;
  }

  /** Events decided but not yet appended. */
  get pending(): number {
    return this.queue.pending;
  }

  /** Appends every queued event in one transaction (`appendMany`), in decision order. */
  async flush(store: EventStore): Promise<void> {
    await this.queue.flush(store);
  }

  /** Revision of a stream's last decided event, -1 when it has none (as the store would answer). */
  streamVersion(streamId: string): number {
    return this.streams.get(streamId)?.version ?? -1;
  }

  /** Drops every stream's folded state (a finished cohort of organisations), keeping the counts. */
  forget(): void {
    if (this.queue.pending > 0) throw new Error('flush before forgetting streams');
    this.streams.clear();
  }

  private decide(decider: AnyDecider, streamId: string, command: { type: string }, ids: IdSource): readonly NewEvent[] {
    let slot = this.streams.get(streamId);
    if (slot !== undefined && slot.state === undefined) throw new Error(`the generator decides ${streamId} only once`);
    if (!slot) {
      slot = { state: decider.initialState(), version: -1 };
      this.streams.set(streamId, slot);
    }
    const decided = decider.decide(command as never, slot.state);
    if (isDomainError(decided)) throw new SyntheticHistoryError(decided, streamId, command);
    const metadata = { actor: 'synth', correlationId: ids.next() };
    const events = decided.map((event): NewEvent => ({ type: event.type, version: event.version, data: event.data, eventId: ids.next(), metadata }));
    this.queue.enqueue(streamId, slot.version, events);
    for (const event of events) {
      slot.state = decider.evolve(slot.state, event as never);
      this.byType[event.type] = (this.byType[event.type] ?? 0) + 1;
    }
    slot.version += events.length;
    this.total += events.length;
    return events;
  }
}
