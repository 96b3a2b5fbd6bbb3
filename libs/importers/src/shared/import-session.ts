import {
  type CrossOrganisationCommand,
  type CorrectionCommand,
  decideAcrossOrganisations,
  type DomainError,
  type DomainEvent,
  isDomainError,
  type OrganisationCommand,
  type OrganisationState,
  organisationsInvolved,
  organisationStream,
  type PersonCommand,
  personStream,
  type PostCommand,
  postStream,
  type StreamCategory,
  streamDeciders,
} from '@orgchange/domain';
import { AppendQueue, ConcurrencyError, type EventStore, type NewEvent } from '@orgchange/event-store';
import { factEventId } from './fact-event-ids';
import type { ImportReport } from './import-report';

/** One fact of a source: a key that says what it is (and so gives its event ids) and the rows it came from. */
export type Fact = Readonly<{ key: string; file: string; rows: readonly number[] }>;

export type FactOutcome = 'appended' | 'already-imported' | 'rejected';

type AnyDecider = Readonly<{
  initialState: () => unknown;
  evolve: (state: unknown, event: never) => unknown;
  decide: (command: never, state: unknown) => readonly DomainEvent[] | DomainError;
}>;
type Slot = { state: unknown; version: number; eventIds: Set<string> };

/** Thrown when someone else appended to a stream the import was writing: nothing of the batch was appended. */
export class ImportInterruptedError extends Error {
  constructor(cause: unknown) {
    super(`another writer changed the log while importing (${(cause as Error).message}); nothing of the last batch was appended — run the import again: it carries on where it stopped`);
    this.name = 'ImportInterruptedError';
  }
}

/**
 * Decides an import's facts with the same stream deciders as the command path, against the streams as stored
 * (read once, then kept folded in memory), and appends the decided events in batches. A fact whose first event
 * id is already in its stream was imported before and is skipped; a fact a decider refuses is reported as a
 * rejected row and appends nothing.
 */
export class ImportSession {
  private readonly slots = new Map<string, Slot>();
  private readonly existing = new Map<StreamCategory, Set<string>>();
  private readonly queue = new AppendQueue();

  constructor(
    private readonly store: EventStore,
    private readonly report: ImportReport,
    private readonly options: Readonly<{ actor: string; batchSize?: number }>,
  ) {}

  async organisation(organisationId: string, command: OrganisationCommand | CorrectionCommand, fact: Fact): Promise<FactOutcome> {
    return this.decideOne('organisation', organisationStream(organisationId), command, fact);
  }

  async post(postId: string, command: PostCommand | CorrectionCommand, fact: Fact): Promise<FactOutcome> {
    return this.decideOne('post', postStream(postId), command, fact);
  }

  async person(personId: string, command: PersonCommand, fact: Fact): Promise<FactOutcome> {
    return this.decideOne('person', personStream(personId), command, fact);
  }

  /** A merger, split or membership change: one decision over every organisation involved, recorded in each stream. */
  async acrossOrganisations(command: CrossOrganisationCommand, fact: Fact): Promise<FactOutcome> {
    const ids = organisationsInvolved(command);
    const slots = await Promise.all(ids.map((id) => this.slot('organisation', organisationStream(id))));
    if (slots[0].eventIds.has(factEventId(fact.key, organisationStream(ids[0]), 0))) return this.alreadyImported();
    const states: Record<string, OrganisationState> = {};
    ids.forEach((id, i) => (states[id] = (slots[i].state as { current: OrganisationState }).current));
    const decision = decideAcrossOrganisations(command, states);
    if (isDomainError(decision)) return this.rejected(decision, fact);
    ids.forEach((id, i) => this.record(streamDeciders.organisation as unknown as AnyDecider, organisationStream(id), slots[i], decision[id] ?? [], fact));
    return this.appended();
  }

  /** The organisation as decided so far in this import (corrections applied), or none. */
  async organisationState(organisationId: string): Promise<OrganisationState> {
    const slot = await this.slot('organisation', organisationStream(organisationId));
    return (slot.state as { current: OrganisationState }).current;
  }

  /** Appends what is queued once a batch is full. */
  async flushIfFull(): Promise<void> {
    if (this.queue.pending >= (this.options.batchSize ?? 5000)) await this.flush();
  }

  /** Appends everything queued. */
  async flush(): Promise<void> {
    try {
      this.report.eventsAppended += await this.queue.flush(this.store);
    } catch (error) {
      if (error instanceof ConcurrencyError) throw new ImportInterruptedError(error);
      throw error;
    }
  }

  private async decideOne(category: StreamCategory, streamId: string, command: { type: string }, fact: Fact): Promise<FactOutcome> {
    const decider = streamDeciders[category] as unknown as AnyDecider;
    const slot = await this.slot(category, streamId);
    if (slot.eventIds.has(factEventId(fact.key, streamId, 0))) return this.alreadyImported();
    const decided = decider.decide(command as never, slot.state);
    if (isDomainError(decided)) return this.rejected(decided, fact);
    this.record(decider, streamId, slot, decided, fact);
    return this.appended();
  }

  private record(decider: AnyDecider, streamId: string, slot: Slot, decided: readonly DomainEvent[], fact: Fact): void {
    const metadata = { actor: this.options.actor, correlationId: factEventId(fact.key, '', 0), source: { file: fact.file, rows: fact.rows } };
    const events = decided.map((event, index): NewEvent => ({ type: event.type, version: event.version, data: event.data, eventId: factEventId(fact.key, streamId, index), metadata }));
    this.queue.enqueue(streamId, slot.version, events);
    for (const event of events) {
      slot.state = decider.evolve(slot.state, event as never);
      slot.eventIds.add(event.eventId);
    }
    slot.version += events.length;
  }

  /** A stream's folded state: read from the store the first time it is needed, then kept up to date here. */
  private async slot(category: StreamCategory, streamId: string): Promise<Slot> {
    const cached = this.slots.get(streamId);
    if (cached) return cached;
    const decider = streamDeciders[category] as unknown as AnyDecider;
    const slot: Slot = { state: decider.initialState(), version: -1, eventIds: new Set() };
    if ((await this.existingStreams(category)).has(streamId)) {
      for (const event of await this.store.readStream(streamId)) {
        slot.state = decider.evolve(slot.state, event as never);
        slot.eventIds.add(event.eventId);
        slot.version = event.streamVersion;
      }
    }
    this.slots.set(streamId, slot);
    return slot;
  }

  /** Streams of a category that were in the log when the import started: the others need not be read. */
  private async existingStreams(category: StreamCategory): Promise<Set<string>> {
    let known = this.existing.get(category);
    if (!known) {
      known = new Set(await this.store.listStreams(category));
      this.existing.set(category, known);
    }
    return known;
  }

  private appended(): FactOutcome {
    this.report.factsAppended += 1;
    return 'appended';
  }

  private alreadyImported(): FactOutcome {
    this.report.factsAlreadyImported += 1;
    return 'already-imported';
  }

  private rejected(error: DomainError, fact: Fact): FactOutcome {
    for (const row of fact.rows) this.report.reject({ file: fact.file, row, rule: error.code, message: error.message });
    return 'rejected';
  }
}
