import { ConcurrencyError } from '../event-store.errors';
import type { EventStore } from '../event-store.port';
import type { Outbox } from '../outbox/outbox.port';
import type { Upcaster } from '../upcasting';
import { newEvent, newEvents, streamIn } from './contract-fixtures';

/** Builds a fresh, empty store with its outbox for one test, and disposes of both afterwards. */
export type MakeStoreWithOutbox = (options?: {
  upcast?: Upcaster;
}) => Promise<{ store: EventStore; outbox: Outbox; cleanup: () => Promise<void> }>;

const positionsOf = (entries: readonly { event: { globalPosition: bigint } }[]): bigint[] => entries.map((e) => e.event.globalPosition);

/**
 * The guarantees of the {@link Outbox} port as one jest suite, run unchanged against every store adapter that
 * keeps an outbox (SQLite now, PostgreSQL next). Each test gets a fresh store from `makeStore`.
 */
export function describeOutboxContract(name: string, makeStore: MakeStoreWithOutbox): void {
  describe(`${name} (Outbox contract)`, () => {
    let current: Awaited<ReturnType<MakeStoreWithOutbox>> | undefined;
    const open = async (options?: { upcast?: Upcaster }): Promise<{ store: EventStore; outbox: Outbox }> => {
      await current?.cleanup();
      current = await makeStore(options);
      return current;
    };
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    describe('an empty store', () => {
      it('has nothing waiting and no lag', async () => {
        const { outbox } = await open();
        expect(await outbox.pending(10)).toEqual([]);
        expect(await outbox.lag()).toEqual({ waiting: 0, oldestRecordedAt: null, oldestAgeMs: 0 });
      });
    });

    describe('after appends', () => {
      it('holds one entry per appended event, in global order, with the stored event', async () => {
        const { store, outbox } = await open();
        const first = streamIn();
        const second = streamIn();
        await store.append(first, newEvents(2), { expectedVersion: 'no_stream' });
        await store.appendMany([
          { streamId: second, events: newEvents(2), expectedVersion: 'no_stream' },
          { streamId: first, events: newEvents(1), expectedVersion: 1 },
        ]);

        const pending = await outbox.pending(100);

        expect(pending.map((e) => e.event)).toEqual(await store.readAll());
        expect(pending.every((e) => e.attempts === 0 && e.lastError === null)).toBe(true);
      });

      it('gives at most `limit` entries, the oldest first', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(5), { expectedVersion: 'no_stream' });

        const pending = await outbox.pending(3);

        expect(positionsOf(pending)).toEqual(positionsOf((await outbox.pending(100)).slice(0, 3)));
        expect(pending).toHaveLength(3);
      });

      it('enqueues nothing for a rejected append', async () => {
        const { store, outbox } = await open();
        const streamId = streamIn();
        await store.append(streamId, newEvents(1), { expectedVersion: 'no_stream' });

        await expect(store.append(streamId, newEvents(2), { expectedVersion: 5 })).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(
          store.appendMany([
            { streamId: streamIn(), events: newEvents(1), expectedVersion: 'no_stream' },
            { streamId, events: newEvents(1), expectedVersion: 'no_stream' },
          ]),
        ).rejects.toBeInstanceOf(ConcurrencyError);

        expect(await outbox.pending(100)).toHaveLength(1);
      });

      it('enqueues nothing again when an append is retried with the same event ids', async () => {
        const { store, outbox } = await open();
        const streamId = streamIn();
        const events = newEvents(2);
        await store.append(streamId, events, { expectedVersion: 'no_stream' });

        const retry = await store.append(streamId, events, { expectedVersion: 'no_stream' });

        expect(retry.alreadyStored).toBe(true);
        expect(await outbox.pending(100)).toHaveLength(2);
      });

      it('gives old schema versions upcast, as readAll does', async () => {
        const upcast: Upcaster = (stored) => (stored.version === 1 ? { ...stored, version: 2, data: { upcast: true } } : stored);
        const { store, outbox } = await open({ upcast });
        await store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' });

        const [entry] = await outbox.pending(1);

        expect(entry.event).toMatchObject({ version: 2, data: { upcast: true } });
      });
    });

    describe('marking entries sent', () => {
      it('takes exactly those entries out of the queue, and leaves the events in the log', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(4), { expectedVersion: 'no_stream' });
        const [a, b, c, d] = positionsOf(await outbox.pending(10));

        await outbox.markSent([a, c]);

        expect(positionsOf(await outbox.pending(10))).toEqual([b, d]);
        expect(await store.count()).toBe(4);
      });

      it('is idempotent: marking again (a relay that restarted) changes nothing', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' });
        const [a, b] = positionsOf(await outbox.pending(10));

        await outbox.markSent([a]);
        await outbox.markSent([a]);
        await outbox.markSent([]);

        expect(positionsOf(await outbox.pending(10))).toEqual([b]);
      });

      it('enqueues later appends behind the entries still waiting', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' });
        const [a, b] = positionsOf(await outbox.pending(10));
        await outbox.markSent([a]);

        await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });

        const pending = positionsOf(await outbox.pending(10));
        expect(pending[0]).toBe(b);
        expect(pending).toHaveLength(2);
        expect(pending[1] > b).toBe(true);
      });
    });

    describe('failures and dead letters', () => {
      it('counts failed attempts and keeps the last error, leaving the entry waiting', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });
        const [position] = positionsOf(await outbox.pending(1));

        expect(await outbox.recordFailure(position, 'first')).toBe(1);
        expect(await outbox.recordFailure(position, 'second')).toBe(2);

        expect(await outbox.pending(1)).toEqual([expect.objectContaining({ attempts: 2, lastError: 'second' })]);
      });

      it('takes a dead-lettered entry out of the queue for good and lists it with its error', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' });
        const [poison, next] = await outbox.pending(2);

        await outbox.markDeadLettered(poison.event.globalPosition, 'does not match its schema');
        await outbox.markDeadLettered(poison.event.globalPosition, 'again');

        expect(positionsOf(await outbox.pending(10))).toEqual([next.event.globalPosition]);
        expect(await outbox.deadLetters()).toEqual([
          {
            globalPosition: poison.event.globalPosition,
            eventId: poison.event.eventId,
            error: 'does not match its schema',
            deadLetteredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          },
        ]);
      });

      it('does not dead-letter an entry already sent', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });
        const [position] = positionsOf(await outbox.pending(1));
        await outbox.markSent([position]);

        await outbox.markDeadLettered(position, 'late');

        expect(await outbox.deadLetters()).toEqual([]);
      });
    });

    describe('lag', () => {
      it('counts waiting entries and ages the oldest from its recorded time', async () => {
        const { store, outbox } = await open();
        await store.append(streamIn(), newEvents(2), { expectedVersion: 'no_stream' });
        await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });
        const [oldest, ...rest] = await outbox.pending(10);
        const later = new Date(Date.parse(oldest.event.recordedAt) + 5000);

        expect(await outbox.lag(later)).toEqual({ waiting: 3, oldestRecordedAt: oldest.event.recordedAt, oldestAgeMs: 5000 });

        await outbox.markSent([oldest.event.globalPosition]);
        const lag = await outbox.lag(later);
        expect(lag.waiting).toBe(2);
        expect(lag.oldestRecordedAt).toBe(rest[0].event.recordedAt);
      });
    });
  });
}
