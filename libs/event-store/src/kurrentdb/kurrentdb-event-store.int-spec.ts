import { randomUUID } from 'node:crypto';
import { startKurrentDbTestDouble } from '../../../../test/kurrentdb-double/kurrentdb-test-double';
import { describeEventStoreContract, type MakeEventStore } from '../contract/event-store.contract';
import type { Upcaster } from '../upcasting';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * With KURRENTDB_URL set, every store is a fresh stream prefix on that real server (so tests never see each
 * other's events); without it, every store gets its own in-process test double.
 */
export async function makeKurrentDbStore(options: { upcast?: Upcaster; now?: () => Date } = {}) {
  const url = process.env.KURRENTDB_URL;
  if (url) {
    const store = new KurrentDbEventStore({ connectionString: url, streamPrefix: `t${randomUUID().slice(0, 8)}_`, ...options });
    return { store, cleanup: () => store.close(), double: undefined };
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

const makeStore: MakeEventStore = (options) => makeKurrentDbStore(options);

describeEventStoreContract(process.env.KURRENTDB_URL ? 'KurrentDbEventStore (KURRENTDB_URL)' : 'KurrentDbEventStore (test double)', makeStore);
