import { type Decider, type DomainError, type DomainEvent, type EventMetadata, isDomainError } from '@orgchange/domain';
import type { AggregateStateCache, CachedState } from './aggregate-state-cache';
import { ConcurrencyError } from './event-store.errors';
import { meetsExpectedVersion } from './stream-rules';
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
 *
 * With a `cache`, a stream this process wrote last is not read again: the command is decided against the
 * state kept after that write and appended at its version. The store's version check makes that safe. If
 * another writer moved the stream on, the append fails and the command takes the reading path. A command
 * refused against a cached state is not refused on its say-so, but decided again from a fresh read, as is
 * one that decided nothing.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  envelope: CommandEnvelope,
  cache?: AggregateStateCache,
): Promise<AppendResult> {
  if (cache) {
    const appended = await appendOnCachedState(store, decider, streamId, command, envelope, cache);
    if (appended) return appended;
  }
  let decidedOn: Readonly<{ version: number; state: S; events: readonly E[] }> | undefined;
  const [result] = await handleMultiStreamCommand(store, [streamId], (histories) => {
    const state = foldHistory(decider, histories[0]);
    const events = decider.decide(command, state);
    if (isDomainError(events)) return events;
    decidedOn = { version: histories[0].at(-1)?.streamVersion ?? -1, state, events };
    return [events];
  }, envelope);
  if (cache && decidedOn) remember(cache, decider, streamId, decidedOn, decidedOn.events, result);
  return result;
}

/** The cached path of `handleCommand`: its answer, or undefined when the command must take the reading path. */
async function appendOnCachedState<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  envelope: CommandEnvelope,
  cache: AggregateStateCache,
): Promise<AppendResult | undefined> {
  const cached = cache.get<S>(decider, streamId);
  if (!cached || !meetsExpectedVersion(envelope.expectedVersion ?? 'any', cached.version)) return undefined;
  const events = decider.decide(command, cached.state);
  if (isDomainError(events) || events.length === 0) return undefined;
  try {
    const result = await store.append(streamId, newEvents(streamId, events, envelope), { expectedVersion: cached.version < 0 ? 'no_stream' : cached.version });
    remember(cache, decider, streamId, cached, events, result);
    return result;
  } catch (error) {
    cache.forget(streamId);
    if (error instanceof ConcurrencyError) return undefined;
    throw error;
  }
}

/**
 * Keeps the state after an append, folded from the state the events were decided on, when the events landed
 * straight after it. Anything else (a retry the store answered with what it held, an append at `any` that
 * another write slipped before) leaves the stream to be read next time. Each event's data is passed through
 * JSON first, as the store would give it back, so the state is the one a fresh read would fold.
 */
function remember<E extends DomainEvent, S>(
  cache: AggregateStateCache,
  decider: Pick<Decider<unknown, E, S>, 'evolve'>,
  streamId: string,
  from: CachedState<S>,
  events: readonly E[],
  result: AppendResult,
): void {
  const landedAfter = !result.alreadyStored && result.events.length === events.length && (events.length === 0 || result.events[0].streamVersion === from.version + 1);
  if (!landedAfter) {
    cache.forget(streamId);
    return;
  }
  const state = events.reduce((s, event, i) => decider.evolve(s, { ...event, data: JSON.parse(JSON.stringify(event.data)), eventId: result.events[i].eventId }), from.state);
  cache.set(decider, streamId, { version: events.length === 0 ? from.version : result.nextExpectedVersion, state });
}

const newEvents = (streamId: string, events: readonly DomainEvent[], envelope: CommandEnvelope): NewEvent[] =>
  events.map((event, index) => ({ ...event, eventId: envelope.newEventId(streamId, index), metadata: envelope.metadata }));

/**
 * The same path for a command that changes several streams at once: `decide` receives each stream's
 * history (in `streamIds` order) and returns one list of events per stream; all appends commit together.
 * It always reads; a `cache` only loses the streams it wrote, whose kept states are now behind.
 */
export async function handleMultiStreamCommand(
  store: EventStore,
  streamIds: readonly string[],
  decide: (histories: readonly (readonly RecordedEvent[])[]) => readonly (readonly DomainEvent[])[] | DomainError,
  envelope: CommandEnvelope,
  cache?: AggregateStateCache,
): Promise<readonly AppendResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    const histories = await Promise.all(streamIds.map((id) => store.readStream(id)));
    const decided = decide(histories);
    if (isDomainError(decided)) throw new DomainRuleViolation(decided);
    const requests: AppendRequest[] = streamIds.map((streamId, i) => ({
      streamId,
      expectedVersion: envelope.expectedVersion ?? histories[i].at(-1)?.streamVersion ?? 'no_stream',
      events: newEvents(streamId, decided[i], envelope),
    }));
    const nonEmpty = requests.filter((r) => r.events.length > 0);
    if (nonEmpty.length === 0) return requests.map((r, i) => unchanged(r.streamId, histories[i]));
    try {
      const results = nonEmpty.length === 1 ? [await store.append(nonEmpty[0].streamId, nonEmpty[0].events, nonEmpty[0])] : await store.appendMany(nonEmpty);
      for (const { streamId } of nonEmpty) cache?.forget(streamId);
      return results;
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
