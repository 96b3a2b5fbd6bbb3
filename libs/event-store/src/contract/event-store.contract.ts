import { ConcurrencyError, DuplicateEventIdError } from '../event-store.errors';
import { idsOf, type MakeEventStore, newEvent, newEvents, positionsOf, snapshot, streamIn, useFreshStore } from './contract-fixtures';
import { describeReadContract } from './read.contract';
import { describeSubscriptionContract } from './subscription.contract';

export type { MakeEventStore } from './contract-fixtures';

/** Knobs for adapters whose speed or setup differs; the guarantees checked never change. */
export type ContractOptions = Readonly<{
  /** Events in the large-stream test (default 100,000). */
  largeStreamSize?: number;
}>;

/**
 * The guarantees of the `EventStore` port as one jest suite, run unchanged against every adapter and
 * test double, so a new adapter proves itself by passing it. Each test gets a fresh store from `makeStore`.
 */
export function describeEventStoreContract(name: string, makeStore: MakeEventStore, options: ContractOptions = {}): void {
  describe(`${name} (EventStore contract)`, () => {
    const store = useFreshStore(makeStore);

    describe('append at an expected version', () => {
      it('starts a stream with no_stream, numbering its events from 0', async () => {
        const streamId = streamIn();
        const result = await store().append(streamId, newEvents(2), { expectedVersion: 'no_stream' });

        expect(result).toMatchObject({ streamId, nextExpectedVersion: 1, alreadyStored: false });
        expect(result.events.map((e) => e.streamVersion)).toEqual([0, 1]);
        expect(await store().streamVersion(streamId)).toBe(1);
      });

      it('appends when the stream is at the expected revision', async () => {
        const streamId = streamIn();
        await store().append(streamId, [newEvent()], { expectedVersion: 'no_stream' });

        const result = await store().append(streamId, [newEvent()], { expectedVersion: 0 });

        expect(result.nextExpectedVersion).toBe(1);
      });

      it.each([
        ['a stale revision', 0],
        ['a future revision', 5],
        ['no_stream on an existing stream', 'no_stream'],
      ] as const)('rejects %s with ConcurrencyError and stores nothing', async (_, expectedVersion) => {
        const streamId = streamIn();
        await store().append(streamId, newEvents(2), { expectedVersion: 'no_stream' });
        const before = await snapshot(store(), streamId);

        const append = store().append(streamId, [newEvent()], { expectedVersion });

        await expect(append).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(append).rejects.toMatchObject({ code: 'StreamVersionConflict', streamId, expected: expectedVersion, actual: 1 });
        expect(await snapshot(store(), streamId)).toEqual(before);
      });

      it("appends with 'any' whether or not the stream exists", async () => {
        const streamId = streamIn();
        await store().append(streamId, [newEvent()], { expectedVersion: 'any' });
        const result = await store().append(streamId, [newEvent()], { expectedVersion: 'any' });

        expect(result.nextExpectedVersion).toBe(1);
      });

      it("rejects 'stream_exists' on a missing stream and accepts it on an existing one", async () => {
        const streamId = streamIn();
        const before = await snapshot(store(), streamId);

        await expect(store().append(streamId, [newEvent()], { expectedVersion: 'stream_exists' })).rejects.toMatchObject({
          code: 'StreamVersionConflict',
          actual: -1,
        });
        expect(await snapshot(store(), streamId)).toEqual(before);
        await store().append(streamId, [newEvent()], { expectedVersion: 'no_stream' });
        await expect(store().append(streamId, [newEvent()], { expectedVersion: 'stream_exists' })).resolves.toMatchObject({
          nextExpectedVersion: 1,
        });
      });

      it('lets exactly one of two concurrent appends at the same revision win', async () => {
        const streamId = streamIn();
        await store().append(streamId, [newEvent()], { expectedVersion: 'no_stream' });

        const outcomes = await Promise.allSettled([
          store().append(streamId, [newEvent()], { expectedVersion: 0 }),
          store().append(streamId, [newEvent()], { expectedVersion: 0 }),
        ]);

        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const [rejected] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store().readStream(streamId)).toHaveLength(2);
      });
      it('keeps concurrent appends to other streams apart: one failing fails no other', async () => {
        const [a, b, c] = [streamIn(), streamIn(), streamIn()];

        const outcomes = await Promise.allSettled([
          store().append(a, newEvents(2), { expectedVersion: 'no_stream' }),
          store().append(b, [newEvent()], { expectedVersion: 3 }),
          store().appendMany([{ streamId: c, events: [newEvent()], expectedVersion: 'no_stream' }]),
        ]);

        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        expect((await snapshot(store(), a, b, c)).versions).toEqual([1, -1, 0]);
      });
    });

    describe('event ids', () => {
      it('answers a retry with the original result, storing nothing, even after the stream moved on', async () => {
        const streamId = streamIn();
        const events = newEvents(2);
        const original = await store().append(streamId, events, { expectedVersion: 'no_stream' });
        await store().append(streamId, [newEvent()], { expectedVersion: 1 });
        const before = await snapshot(store(), streamId);

        const retry = await store().append(streamId, events, { expectedVersion: 'no_stream' });

        expect(retry).toEqual({ ...original, alreadyStored: true });
        expect(await snapshot(store(), streamId)).toEqual(before);
      });

      it('answers a retried one-event command at a numeric version with the original result, after the stream moved on', async () => {
        const streamId = streamIn();
        await store().append(streamId, [newEvent()], { expectedVersion: 'no_stream' });
        const event = newEvent();
        const original = await store().append(streamId, [event], { expectedVersion: 0 });
        await store().append(streamId, [newEvent()], { expectedVersion: 1 });
        const before = await snapshot(store(), streamId);

        const retry = await store().append(streamId, [event], { expectedVersion: 0 });

        expect(retry).toEqual({ ...original, alreadyStored: true });
        expect(await snapshot(store(), streamId)).toEqual(before);
      });

      it('answers a stored event given again at the version it left the stream at as already stored', async () => {
        const streamId = streamIn();
        const event = newEvent();
        const original = await store().append(streamId, [event], { expectedVersion: 'no_stream' });
        const before = await snapshot(store(), streamId);

        const again = await store().append(streamId, [event], { expectedVersion: 0 });

        expect(again).toEqual({ ...original, alreadyStored: true });
        expect(await snapshot(store(), streamId)).toEqual(before);
      });

      it('rejects one event whose id is stored in another stream, at a matching numeric version, storing nothing', async () => {
        const [first, second] = [streamIn(), streamIn()];
        const event = newEvent();
        await store().append(first, [event], { expectedVersion: 'no_stream' });
        await store().append(second, [newEvent()], { expectedVersion: 'no_stream' });
        const before = await snapshot(store(), first, second);

        const reuse = store().append(second, [event], { expectedVersion: 0 });

        await expect(reuse).rejects.toMatchObject({ code: 'DuplicateEventId', eventId: event.eventId });
        expect(await snapshot(store(), first, second)).toEqual(before);
      });

      it('rejects an id reused in another stream with DuplicateEventIdError, storing nothing', async () => {
        const [first, second] = [streamIn(), streamIn()];
        const event = newEvent();
        await store().append(first, [event], { expectedVersion: 'no_stream' });
        const before = await snapshot(store(), first, second);

        const reuse = store().append(second, [event], { expectedVersion: 'no_stream' });

        await expect(reuse).rejects.toBeInstanceOf(DuplicateEventIdError);
        await expect(reuse).rejects.toMatchObject({ code: 'DuplicateEventId', eventId: event.eventId });
        expect(await snapshot(store(), first, second)).toEqual(before);
        expect(await store().listStreams('unit')).toEqual([first]);
      });

      it.each([
        ['a stored id followed by new ones', (stored: string[]) => [stored[1], 'new']],
        ['stored ids in another order', (stored: string[]) => [stored[1], stored[0]]],
        ['a new id followed by a stored one', (stored: string[]) => ['new', stored[0]]],
        ['one new id given twice', () => ['new', 'new']],
      ])('rejects %s in the same stream, storing nothing', async (_, idsFor) => {
        const streamId = streamIn();
        const stored = newEvents(2);
        await store().append(streamId, stored, { expectedVersion: 'no_stream' });
        const before = await snapshot(store(), streamId);
        const fresh = newEvent().eventId;
        const events = idsFor(idsOf(stored)).map((id) => newEvent({ eventId: id === 'new' ? fresh : id }));

        await expect(store().append(streamId, events, { expectedVersion: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await snapshot(store(), streamId)).toEqual(before);
      });
    });

    describe('appendMany', () => {
      it('stores every request in one go, in request order', async () => {
        const [a, b] = [streamIn(), streamIn('post')];
        const results = await store().appendMany([
          { streamId: a, events: newEvents(2), expectedVersion: 'no_stream' },
          { streamId: b, events: newEvents(1), expectedVersion: 'no_stream' },
        ]);

        expect(results.map((r) => r.streamId)).toEqual([a, b]);
        const positions = results.flatMap((r) => positionsOf(r.events));
        expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
        expect(await store().count()).toBe(3);
      });

      it.each([
        ['a version conflict', ConcurrencyError, 'stale'],
        ['a reused event id', DuplicateEventIdError, 'reused'],
      ] as const)('stores nothing from any request when one fails with %s', async (_, errorClass, failure) => {
        const [existing, a, b] = [streamIn(), streamIn(), streamIn()];
        const [stored] = (await store().append(existing, [newEvent()], { expectedVersion: 'no_stream' })).events;
        const before = await snapshot(store(), existing, a, b);

        const append = store().appendMany([
          { streamId: a, events: newEvents(2), expectedVersion: 'no_stream' },
          failure === 'stale'
            ? { streamId: existing, events: [newEvent()], expectedVersion: 'no_stream' }
            : { streamId: b, events: [newEvent({ eventId: stored.eventId })], expectedVersion: 'no_stream' },
        ]);

        await expect(append).rejects.toBeInstanceOf(errorClass);
        expect(await snapshot(store(), existing, a, b)).toEqual(before);
        expect(await store().readStream(a)).toEqual([]);
      });
    });

    describeReadContract(store, makeStore, options.largeStreamSize ?? 100_000);
    describeSubscriptionContract(store);
  });
}
