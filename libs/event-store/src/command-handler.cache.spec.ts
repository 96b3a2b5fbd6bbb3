import { type Decider, domainError } from '@orgchange/domain';
import { randomUUID } from 'node:crypto';
import { AggregateStateCache } from './aggregate-state-cache';
import { type CommandEnvelope, DomainRuleViolation, foldHistory, handleCommand } from './command-handler';
import { ConcurrencyError } from './event-store.errors';
import type { EventStore, RecordedEvent } from './event-store.port';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

type Toggle = { type: 'Open' | 'Close' | 'Touch' };
type Toggled = { type: 'Opened' | 'Closed'; version: 1; data: { at: number } };
type Door = { open: boolean; seen: readonly string[] };

/** A door that opens and closes in turn; `Touch` decides nothing. `seen` keeps every event id folded, so a state is checkable. */
const door: Decider<Toggle, Toggled, Door> = {
  initialState: () => ({ open: false, seen: [] }),
  evolve: (state, event) => ({ open: event.type === 'Opened', seen: [...state.seen, (event as Toggled & { eventId?: string }).eventId ?? '?'] }),
  decide: (command, state) => {
    if (command.type === 'Touch') return [];
    if ((command.type === 'Open') === state.open) return domainError('DoorAlready', `the door is already ${state.open ? 'open' : 'closed'}`);
    return [{ type: command.type === 'Open' ? 'Opened' : 'Closed', version: 1, data: { at: Date.now() } }];
  },
};

const envelope = (overrides: Partial<CommandEnvelope> = {}): CommandEnvelope => ({
  metadata: { actor: 'spec', correlationId: randomUUID() },
  newEventId: () => randomUUID(),
  ...overrides,
});

/** A real in-memory store that counts whole-stream reads: the cache's point is to save them. */
class CountingStore extends InMemoryEventStore {
  reads = 0;
  override async readStream(streamId: string): Promise<readonly RecordedEvent[]> {
    this.reads += 1;
    return super.readStream(streamId);
  }
}

/** Another process writing the same stream, straight on the store, unseen by the cache. */
const otherWriter = (store: EventStore, streamId: string) => handleCommand(store, door, streamId, { type: 'Open' }, envelope());

describe('handleCommand with an aggregate state cache', () => {
  let store: CountingStore;
  let cache: AggregateStateCache;
  beforeEach(() => {
    store = new CountingStore();
    cache = new AggregateStateCache();
  });

  it('given a stream this process wrote, when the next command comes, then it is decided without reading the stream', async () => {
    await handleCommand(store, door, 'door-1', { type: 'Open' }, envelope(), cache);
    const readsAfterFirst = store.reads;

    const result = await handleCommand(store, door, 'door-1', { type: 'Close' }, envelope(), cache);

    expect(store.reads).toBe(readsAfterFirst);
    expect(result.nextExpectedVersion).toBe(1);
    expect((await store.readStream('door-1')).map((e) => e.type)).toEqual(['Opened', 'Closed']);
  });

  it('given a run of commands, then the kept state is the fold of the stream as read back, event ids included', async () => {
    for (const type of ['Open', 'Close', 'Open', 'Touch', 'Close'] as const) await handleCommand(store, door, 'door-1', { type }, envelope(), cache);

    const kept = cache.get<Door>(door, 'door-1');
    const history = await store.readStream('door-1');
    expect(kept).toEqual({ version: 3, state: foldHistory(door, history) });
  });

  it('given another writer moved the stream on, when a command is appended at the kept version, then it conflicts, reads and decides again', async () => {
    await handleCommand(store, door, 'door-1', { type: 'Open' }, envelope(), cache);
    await handleCommand(store, door, 'door-1', { type: 'Close' }, envelope(), cache);
    await otherWriter(store, 'door-1'); // the door is open again, and the cache still says closed

    // Decided on the cached (closed) state, `Open` would be accepted; the store refuses the stale version and
    // the fresh read shows the door open, so the command is refused for the rule, not for the conflict.
    await expect(handleCommand(store, door, 'door-1', { type: 'Open' }, envelope(), cache)).rejects.toBeInstanceOf(DomainRuleViolation);
    expect((await store.readStream('door-1')).map((e) => e.type)).toEqual(['Opened', 'Closed', 'Opened']);
  });

  it('given a stale kept state that refuses the command, then the refusal is checked against a fresh read and the command succeeds', async () => {
    await handleCommand(store, door, 'door-1', { type: 'Open' }, envelope(), cache);
    await handleCommand(store, door, 'door-1', { type: 'Close' }, envelope(), cache);
    await otherWriter(store, 'door-1');

    const result = await handleCommand(store, door, 'door-1', { type: 'Close' }, envelope(), cache);

    expect(result.nextExpectedVersion).toBe(3);
    expect(cache.get<Door>(door, 'door-1')).toEqual({ version: 3, state: foldHistory(door, await store.readStream('door-1')) });
  });

  it('given a caller expectation (If-Match) other than the kept version, then the stream is read and the expectation decides', async () => {
    await handleCommand(store, door, 'door-1', { type: 'Open' }, envelope(), cache);
    const reads = store.reads;

    const attempt = handleCommand(store, door, 'door-1', { type: 'Close' }, envelope({ expectedVersion: 5 }), cache);

    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
    expect(store.reads).toBe(reads + 1);
    expect(await store.readStream('door-1')).toHaveLength(1);
  });

  it('given a caller expectation equal to the kept version, then the stream is not read', async () => {
    await handleCommand(store, door, 'door-1', { type: 'Open' }, envelope(), cache);
    const reads = store.reads;

    await handleCommand(store, door, 'door-1', { type: 'Close' }, envelope({ expectedVersion: 0 }), cache);

    expect(store.reads).toBe(reads);
  });

  it('given a retried request whose events the store already holds, then the store answers with them and the stream is read next time', async () => {
    const ids = [randomUUID(), randomUUID()];
    const fixedIds = (i: number) => envelope({ newEventId: () => ids[i] });
    await handleCommand(store, door, 'door-1', { type: 'Open' }, fixedIds(0), cache);
    await handleCommand(store, door, 'door-1', { type: 'Close' }, fixedIds(1), cache);
    cache.set(door, 'door-1', { version: 0, state: { open: true, seen: [ids[0]] } }); // as if the second answer had been lost

    const retried = await handleCommand(store, door, 'door-1', { type: 'Close' }, fixedIds(1), cache);

    expect(retried.alreadyStored).toBe(true);
    expect(cache.get(door, 'door-1')).toBeUndefined();
    expect(await store.readStream('door-1')).toHaveLength(2);
  });

  it('given a state kept by another decider, then it is not used', async () => {
    const otherDecider: typeof door = { ...door };
    await handleCommand(store, otherDecider, 'door-1', { type: 'Open' }, envelope(), cache);

    expect(cache.get(door, 'door-1')).toBeUndefined();
    await expect(handleCommand(store, door, 'door-1', { type: 'Open' }, envelope(), cache)).rejects.toBeInstanceOf(DomainRuleViolation);
  });
});

describe('AggregateStateCache', () => {
  it('keeps at most maxStreams, dropping the least recently used first', () => {
    const cache = new AggregateStateCache(2);
    cache.set(door, 'a', { version: 0, state: 'a' });
    cache.set(door, 'b', { version: 0, state: 'b' });
    cache.get(door, 'a');
    cache.set(door, 'c', { version: 0, state: 'c' });

    expect([...cache.held()].map(([id]) => id)).toEqual(['a', 'c']);
  });

  it('with maxStreams 0 keeps nothing, and refuses a size that is not a whole number', () => {
    const cache = new AggregateStateCache(0);
    cache.set(door, 'a', { version: 0, state: 'a' });
    expect(cache.size).toBe(0);
    expect(() => new AggregateStateCache(-1)).toThrow(/maxStreams/);
  });
});
