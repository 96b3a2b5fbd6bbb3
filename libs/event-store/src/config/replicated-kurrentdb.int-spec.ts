import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvents, streamIn } from '../contract/contract-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { randomUUID } from 'node:crypto';
import { startKurrentDbTestDouble } from '../../../../test/kurrentdb-double/kurrentdb-test-double';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
import type { Upcaster } from '../upcasting';
import { ReplicatedEventStore } from './replicated-event-store';

/**
 * EVENT_STORE=kurrentdb as the apps run it: local state replicating a KurrentDB log (the in-process test
 * double, or the real server at KURRENTDB_URL), whose global positions are sparse commit positions.
 */
async function kurrentDb(): Promise<{ primary: KurrentDbEventStore; stop: () => Promise<void> }> {
  const url = process.env.KURRENTDB_URL;
  if (url) return { primary: new KurrentDbEventStore({ connectionString: url, streamPrefix: `r${randomUUID().slice(0, 8)}_` }), stop: async () => undefined };
  const double = await startKurrentDbTestDouble();
  return { primary: new KurrentDbEventStore({ connectionString: double.connectionString }), stop: () => double.stop() };
}

const makeStore = async (options: { upcast?: Upcaster } = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-replica-kurrent-'));
  const { primary, stop } = await kurrentDb();
  const store = await ReplicatedEventStore.open({ primary, file: join(dir, 'local.sqlite'), upcast: options.upcast });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

describeEventStoreContract('ReplicatedEventStore over KurrentDB', makeStore, { largeStreamSize: 5_000 });

describe('ReplicatedEventStore over KurrentDB', () => {
  it("keeps the log's commit positions in the local replica", async () => {
    const { store, cleanup } = await makeStore();
    try {
      await store.append(streamIn(), newEvents(3), { expectedVersion: 'no_stream' });
      const local = store.database.prepare('SELECT global_position FROM events ORDER BY global_position').pluck().all() as number[];
      const remote = (await store.primaryStore.readAll()).map((e) => Number(e.globalPosition));
      expect(local).toEqual(remote);
    } finally {
      await cleanup();
    }
  });

  it('keeps replicating when writers\' clocks step back, holding recorded time at the head (never falling)', async () => {
    if (process.env.KURRENTDB_URL) return; // needs a log of its own, with a clock this test controls
    const double = await startKurrentDbTestDouble();
    const dir = mkdtempSync(join(tmpdir(), 'orgchange-replica-kurrent-'));
    const times = ['2026-01-01T10:00:05.000Z', '2026-01-01T10:00:01.000Z'];
    const primary = new KurrentDbEventStore({ connectionString: double.connectionString, now: () => new Date(times.shift() ?? '2026-01-01T10:00:09.000Z') });
    const store = await ReplicatedEventStore.open({ primary, file: join(dir, 'local.sqlite') });
    try {
      await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });
      await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });
      await store.append(streamIn(), newEvents(1), { expectedVersion: 'no_stream' });

      const local = await store.readAll();
      expect(local.map((e) => e.globalPosition)).toEqual((await primary.readAll()).map((e) => e.globalPosition));
      expect(local.map((e) => e.recordedAt)).toEqual(['2026-01-01T10:00:05.000Z', '2026-01-01T10:00:05.000Z', '2026-01-01T10:00:09.000Z']);
    } finally {
      await store.close();
      await double.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
