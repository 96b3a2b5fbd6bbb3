/** A stream's folded state as this process last wrote it, and the version it was folded up to. */
export type CachedState<S> = Readonly<{ version: number; state: S }>;

type Entry = Readonly<{ folder: object; version: number; state: unknown }>;

/** Enough for every post, person and organisation a busy programme office touches in a day; each state is small. */
export const DEFAULT_CACHED_STREAMS = 20_000;

/**
 * The states of the streams this process wrote most recently, so that the next command on one of them can be
 * decided without reading the stream again. It is only ever a guess: `handleCommand` appends at the cached
 * version, so a stream another writer has moved on fails the store's version check, and a command decided
 * against a cached state is re-decided against a fresh read before it is refused. A state is kept with the
 * decider that folded it (`folder`), since only that decider can read it.
 *
 * States are never changed in place (the domain's `evolve` returns new states, and a spec folds frozen ones),
 * so holding one here cannot be disturbed by later commands. The least recently used stream goes first once
 * `maxStreams` are held.
 */
export class AggregateStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly maxStreams = DEFAULT_CACHED_STREAMS) {
    if (!Number.isInteger(maxStreams) || maxStreams < 0) throw new RangeError(`maxStreams must be a whole number ≥ 0, got ${maxStreams}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The state `folder` left for `streamId`, marked as just used; undefined if there is none or another decider's. */
  get<S>(folder: object, streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.folder !== folder) return undefined;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return { version: entry.version, state: entry.state as S };
  }

  set<S>(folder: object, streamId: string, cached: CachedState<S>): void {
    if (this.maxStreams === 0) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { folder, version: cached.version, state: cached.state });
    if (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }

  /** Each stream held, with the state kept for it (for tests that compare it with a fresh fold). */
  *held(): IterableIterator<[string, CachedState<unknown>]> {
    for (const [streamId, { version, state }] of this.entries) yield [streamId, { version, state }];
  }
}
