import { randomUUID } from 'node:crypto';
import { KurrentDbEventStore } from '../../libs/event-store/src/kurrentdb/kurrentdb-event-store';
import type { Upcaster } from '../../libs/event-store/src/upcasting';
import { type KurrentDbTestDouble, startKurrentDbTestDouble } from './kurrentdb-test-double';

/**
 * A fresh KurrentDbEventStore for one test. With KURRENTDB_URL set it is a fresh stream prefix on that real
 * server (so tests never see each other's events); otherwise it runs on its own in-process test double.
 */
export async function makeKurrentDbStore(
  options: { upcast?: Upcaster; now?: () => Date } = {},
): Promise<{ store: KurrentDbEventStore; double?: KurrentDbTestDouble; cleanup: () => Promise<void> }> {
  const url = process.env.KURRENTDB_URL;
  if (url) {
    const store = new KurrentDbEventStore({ connectionString: url, streamPrefix: `t${randomUUID().slice(0, 8)}_`, ...options });
    return { store, cleanup: () => store.close() };
  }
  const double = await startKurrentDbTestDouble();
  const store = new KurrentDbEventStore({ connectionString: double.connectionString, ...options });
  return {
    store,
    double,
    cleanup: async () => {
      await store.close();
      await double.stop();
    },
  };
}
