import { type Decider, type DomainError, type DomainEvent, type EventMetadata, isDomainError } from '@orgchange/domain';
import { ConcurrencyError } from './event-store.errors';
import type { AppendRequest, AppendResult, EventStore, ExpectedVersion, NewEvent, RecordedEvent } from './event-store.port';

/** A rule the command broke, carried as an exception from the handler to the HTTP or CLI edge. */
export class DomainRuleViolation extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'DomainRuleViolation';
  }
}

/** Everything about a command that is not the command itself. */
export type CommandEnvelope = Readonly<{
  metadata: EventMetadata;
  /** From `If-Match`; when absent the version read is used and a conflicting writer causes a retry. */
  expectedVersion?: ExpectedVersion;
  /** Makes event ids for the decided events; deterministic ids make a retried request idempotent in the store. */
  newEventId: (streamId: string, index: number) => string;
}>;

const MAX_ATTEMPTS = 3;

/**
 * The one command path: read the stream → fold → decide → append at the version read (or the caller's
 * `expectedVersion`). A version conflict without a caller's expectation is retried against the new state.
 * A rejected command throws `DomainRuleViolation` and appends nothing.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  envelope: CommandEnvelope,
): Promise<AppendResult> {
  const [result] = await handleMultiStreamCommand(store, [streamId], (histories) => {
    const events = decider.decide(command, foldHistory(decider, histories[0]));
    return isDomainError(events) ? events : [events];
  }, envelope);
  return result;
}

/**
 * The same path for a command that changes several streams at once: `decide` receives each stream's
 * history (in `streamIds` order) and returns one list of events per stream; all appends commit together.
 */
export async function handleMultiStreamCommand(
  store: EventStore,
  streamIds: readonly string[],
  decide: (histories: readonly (readonly RecordedEvent[])[]) => readonly (readonly DomainEvent[])[] | DomainError,
  envelope: CommandEnvelope,
): Promise<readonly AppendResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    const histories = await Promise.all(streamIds.map((id) => store.readStream(id)));
    const decided = decide(histories);
    if (isDomainError(decided)) throw new DomainRuleViolation(decided);
    const requests: AppendRequest[] = streamIds.map((streamId, i) => ({
      streamId,
      expectedVersion: envelope.expectedVersion ?? histories[i].at(-1)?.streamVersion ?? 'no_stream',
      events: decided[i].map((event, index): NewEvent => ({ ...event, eventId: envelope.newEventId(streamId, index), metadata: envelope.metadata })),
    }));
    const nonEmpty = requests.filter((r) => r.events.length > 0);
    if (nonEmpty.length === 0) return requests.map((r, i) => unchanged(r.streamId, histories[i]));
    try {
      return nonEmpty.length === 1 ? [await store.append(nonEmpty[0].streamId, nonEmpty[0].events, nonEmpty[0])] : await store.appendMany(nonEmpty);
    } catch (error) {
      const retry = error instanceof ConcurrencyError && envelope.expectedVersion === undefined && attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

/** The answer for a command that decided nothing: the stream stays at its version. */
const unchanged = (streamId: string, history: readonly RecordedEvent[]): AppendResult => ({
  streamId,
  nextExpectedVersion: history.at(-1)?.streamVersion ?? -1,
  events: [],
  alreadyStored: false,
});

/** Folds a stream's recorded history with its decider (recorded events carry their `eventId` for corrections). */
export const foldHistory = <E extends DomainEvent, S>(decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>, history: readonly RecordedEvent[]): S =>
  history.reduce((state, event) => decider.evolve(state, event as unknown as E), decider.initialState());

/** Reads and folds one stream. */
export const loadState = async <E extends DomainEvent, S>(store: EventStore, decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>, streamId: string): Promise<S> =>
  foldHistory(decider, await store.readStream(streamId));
