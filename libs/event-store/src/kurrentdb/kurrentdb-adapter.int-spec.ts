import { FORWARDS, jsonEvent, KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import { type KurrentDbTestDouble, startKurrentDbTestDouble } from '../../../../test/kurrentdb-double/kurrentdb-test-double';
import { idsOf, newEvent, newEvents, positionsOf, record, streamIn } from '../contract/contract-fixtures';
import { ConcurrencyError } from '../event-store.errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * What is specific to KurrentDB, beyond the contract suite: how positions map, the server-side filter,
 * resuming from a stored checkpoint, stream prefixes, events written by other tools, and refusals.
 * These run on the test double, whose log and request spy they inspect.
 */
describe('KurrentDbEventStore on KurrentDB (test double)', () => {
  let double: KurrentDbTestDouble;
  let raw: KurrentDBClient;
  const stores: KurrentDbEventStore[] = [];
  const open = (options: { streamPrefix?: string; now?: () => Date } = {}): KurrentDbEventStore => {
    const store = new KurrentDbEventStore({ connectionString: double.connectionString, ...options });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    double = await startKurrentDbTestDouble();
    raw = KurrentDBClient.connectionString(double.connectionString);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await raw.dispose();
    await double.stop();
  });

  describe('global positions', () => {
    it("are the events' commit positions in $all, which are neither 1, 2, 3 nor consecutive", async () => {
      const store = open();
      const { events } = await store.append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });

      const commits: bigint[] = [];
      for await (const resolved of raw.readAll({ fromPosition: START, direction: FORWARDS })) {
        if (resolved.event?.streamId.startsWith('unit-')) commits.push(resolved.event.position!.commit);
      }

      expect(positionsOf(events)).toEqual(commits);
      expect(commits[0]).toBeGreaterThan(1n);
      expect(commits[1] - commits[0]).toBeGreaterThan(1n);
    });

    it('reads after a position that falls between two events', async () => {
      const store = open();
      const { events } = await store.append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });

      const page = await store.readAll({ after: events[0].globalPosition + 1n });

      expect(idsOf(page)).toEqual(idsOf(events.slice(1)));
    });
  });

  describe('a server that gives all events of an append one commit position', () => {
    it('is refused loudly on every read path, so no reader can skip events behind an ambiguous checkpoint', async () => {
      const shared = await startKurrentDbTestDouble({ commitPositions: 'per-transaction' });
      const store = new KurrentDbEventStore({ connectionString: shared.connectionString });
      const message = /needs one commit position per event/;
      try {
        const streamId = streamIn();
        await expect(store.append(streamId, newEvents(2), { expectedVersion: 'no_stream' })).rejects.toThrow(message);
        await expect(store.readStream(streamId)).rejects.toThrow(message);
        await expect(store.readAll()).rejects.toThrow(message);
        const recorder = record(store, 0n);
        await expect(recorder.failure).resolves.toThrow(message);
        await recorder.subscription.stop();
      } finally {
        await store.close();
        await shared.stop();
      }
    });
  });

  describe('the server-side filter', () => {
    it('keeps system streams, claim streams and other prefixes out of readAll, count, subscriptions and listStreams', async () => {
      const store = open();
      const ours = streamIn();
      await store.append(ours, newEvents(2), { expectedVersion: 'no_stream' });
      await raw.multiStreamAppend([
        { streamName: '$stats-127.0.0.1', expectedState: 'any', events: [jsonEvent({ type: '$statsCollected', data: {} })] },
        { streamName: '~event-id-not-ours', expectedState: 'any', events: [jsonEvent({ type: 'Other', data: {} })] },
      ]);
      await store.append(ours, newEvents(1), { expectedVersion: 1 });

      const recorder = record(store, 0n);
      await recorder.until(3);
      await recorder.subscription.stop();

      expect((await store.readAll()).map((e) => e.streamId)).toEqual([ours, ours, ours]);
      expect(await store.count()).toBe(3);
      expect(recorder.received.map((e) => e.streamId)).toEqual([ours, ours, ours]);
      // Events of the claim streams (one per event id) are in the log all the same: the filter dropped them.
      expect(double.log.events.filter((e) => e.streamName.startsWith('~event-id-'))).toHaveLength(3 + 1);
    });

    it('is sent to the server with every $all read and subscription, never applied only on the client', async () => {
      const store = open();
      await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });
      await store.readAll();
      await store.count();
      await store.listStreams('unit');
      const recorder = record(store, 0n);
      await recorder.until(1);
      await recorder.subscription.stop();

      const allReads = double.reads.filter((r) => r.target === '$all');
      expect(allReads.length).toBeGreaterThanOrEqual(4);
      for (const read of allReads) expect(read.streamNameRegex ?? read.streamNamePrefixes).toBeDefined();
      expect(allReads.find((r) => r.subscription)).toMatchObject({ streamNameRegex: '^(?![$~])' });
      expect(allReads.find((r) => r.streamNamePrefixes)).toMatchObject({ streamNamePrefixes: ['unit-'] });
    });
  });

  describe('checkpoints', () => {
    it('resumes a stopped subscriber from the checkpoint it stored, with nothing delivered twice or skipped', async () => {
      const store = open();
      const streamId = streamIn();
      await store.append(streamId, newEvents(3), { expectedVersion: 'no_stream' });
      let checkpoint = 0n;
      const first = record(store, checkpoint, (event) => void (checkpoint = event.globalPosition));
      await first.until(3);
      await first.subscription.stop();

      await store.append(streamId, newEvents(2), { expectedVersion: 2 });
      const resumed = record(store, checkpoint);
      await resumed.until(2);
      await store.append(streamIn('post'), newEvents(1), { expectedVersion: 'no_stream' });
      await resumed.until(3);
      await resumed.subscription.stop();

      expect([...first.received, ...resumed.received]).toEqual(await store.readAll());
    });
  });

  describe('stream prefixes', () => {
    it('give two stores on one database two separate logs', async () => {
      const [a, b] = [open({ streamPrefix: 'a_' }), open({ streamPrefix: 'b_' })];
      const streamId = streamIn();
      await a.append(streamId, newEvents(2), { expectedVersion: 'no_stream' });
      await b.append(streamId, newEvents(1), { expectedVersion: 'no_stream' });

      expect([await a.count(), await b.count()]).toEqual([2, 1]);
      expect(await a.listStreams('unit')).toEqual([streamId]);
      expect((await b.readStream(streamId)).map((e) => e.streamVersion)).toEqual([0]);
      expect(double.log.stream(`a_${streamId}`)).toHaveLength(2);
    });
  });

  describe('events written by other tools', () => {
    it('read as schema version 1, recorded at their KurrentDB commit time, with their own metadata kept out', async () => {
      const store = open();
      await raw.multiStreamAppend([{ streamName: 'unit-legacy', expectedState: 'no_stream', events: [jsonEvent({ type: 'UnitRenamed', data: { name: 'A' } })] }]);

      const [event] = await store.readStream('unit-legacy');

      expect(event).toMatchObject({ type: 'UnitRenamed', version: 1, data: { name: 'A' }, metadata: {}, streamVersion: 0 });
      expect(Math.abs(Date.parse(event.recordedAt) - Date.now())).toBeLessThan(60_000);
    });
  });

  describe('appends', () => {
    it("retries an 'any' append that lost a race with another writer instead of failing it", async () => {
      const store = open();
      const streamId = streamIn();

      await Promise.all(Array.from({ length: 5 }, () => store.append(streamId, [newEvent()], { expectedVersion: 'any' })));

      expect((await store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([0, 1, 2, 3, 4]);
    });

    it('stamps recordedAt from the clock it was given, once per append', async () => {
      const store = open({ now: () => new Date('2025-01-31T09:30:00.000Z') });
      const streamId = streamIn();
      await store.append(streamId, newEvents(2), { expectedVersion: 'no_stream' });

      expect((await store.readStream(streamId)).map((e) => e.recordedAt)).toEqual(['2025-01-31T09:30:00.000Z', '2025-01-31T09:30:00.000Z']);
    });

    it.each([
      ['a system stream id', '$stats-1', newEvent(), /must be non-empty and not start with "\$" or "~"/],
      ['a claim-like stream id', '~event-id-1', newEvent(), /not start with "\$" or "~"/],
      ['an event id that is not a UUID', 'unit-1', newEvent({ eventId: 'evt-1' }), /event id "evt-1" is not a UUID/],
    ])('refuses %s with a clear error, storing nothing', async (_, streamId, event, message) => {
      const store = open();

      await expect(store.append(streamId, [event], { expectedVersion: 'any' })).rejects.toThrow(message);
      expect(double.log.events).toHaveLength(0);
    });

    it('refuses an appendMany that names one stream twice, which KurrentDB cannot commit in one transaction', async () => {
      const store = open();
      const streamId = streamIn();
      const twice = store.appendMany([
        { streamId, events: [newEvent()], expectedVersion: 'no_stream' },
        { streamId, events: [newEvent()], expectedVersion: 0 },
      ]);

      await expect(twice).rejects.toThrow(/names stream .* twice/);
      expect(double.log.events).toHaveLength(0);
    });

    it('still reports a stale explicit version as a ConcurrencyError, never retrying it', async () => {
      const store = open();
      const streamId = streamIn();
      await store.append(streamId, [newEvent()], { expectedVersion: 'no_stream' });

      await expect(store.append(streamId, [newEvent()], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(ConcurrencyError);
    });
  });

  it('says which server version it needs when the server has no multi-stream appends', async () => {
    const old = await startKurrentDbTestDouble({ claimVersion: '24.10' });
    const store = new KurrentDbEventStore({ connectionString: old.connectionString });
    try {
      await expect(store.append(streamIn(), [newEvent()], { expectedVersion: 'no_stream' })).rejects.toThrow(/needs KurrentDB 25\.1 or later/);
      expect(old.log.events).toHaveLength(0);
    } finally {
      await store.close();
      await old.stop();
    }
  });
});
