import { Client } from 'pg';
import { newEvents, streamIn } from '../libs/event-store/src/contract/contract-fixtures';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../libs/event-store/src/postgres/postgres-test-schemas';

/**
 * The PostgreSQL connection dropped in the middle of an append's transaction, FAULT_TRIALS times (3 in `npm test`,
 * more under `npm run test:faults`). To catch the append inside its transaction every time, a second session holds
 * the log's append lock, so the append waits in `orgchange_append` after it began; the server then terminates the
 * append's backend. The append must fail with an error (never resolve as if stored), leave nothing of itself in the
 * log, and the same append retried afterwards (same event ids) must store it exactly once on a fresh connection.
 */
const TRIALS = Math.max(3, Math.min(Number(process.env.FAULT_TRIALS ?? 3), 20));

/** The store's connections carry a name of their own, so the test terminates only its own backend on a shared server. */
const APPLICATION_NAME = `orgchange-fault-${process.pid}`;
const storeUrl = (): string => {
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('application_name', APPLICATION_NAME);
  return url.toString();
};

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('PostgreSQL connection dropped mid-append', () => {
  const schema = freshSchemaName('oc_fault');
  let store: PostgresEventStore;
  let admin: Client;

  beforeAll(async () => {
    store = await PostgresEventStore.open({ url: storeUrl(), schema, poolSize: 2 });
    admin = new Client({ connectionString: TEST_DATABASE_URL, application_name: 'orgchange-fault-admin' });
    await admin.connect();
  });
  afterAll(async () => {
    await store?.close();
    await admin?.end();
    await dropSchema(schema);
  });

  /** The backend waiting for the append lock inside `orgchange_append`, once it is there. */
  const waitingAppend = () =>
    eventually(async () => {
      // The admin session is inside the transaction that holds the lock, and PostgreSQL keeps one snapshot of
      // the activity statistics per transaction: drop it, or every poll would see the first one again.
      await admin.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE application_name = $1 AND wait_event_type = 'Lock' AND query LIKE '%orgchange_append%'`,
        [APPLICATION_NAME],
      );
      return rows[0]?.pid;
    });

  for (let trial = 1; trial <= TRIALS; trial += 1) {
    it(`trial ${trial}: the append fails, leaves no trace, and a retry stores it once`, async () => {
      const streamId = streamIn('fault');
      const events = newEvents(1 + (trial % 5));
      const before = await store.count();

      await admin.query('BEGIN');
      await admin.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${schema}.append`]);
      const append = store.append(streamId, events, { expectedVersion: 'no_stream' });
      const outcome = append.then(
        () => 'stored',
        (error: Error) => error,
      );
      try {
        const pid = await waitingAppend();
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        const failure = await outcome;
        expect(failure).toBeInstanceOf(Error);
        // The caller learns why: the server's own words for the dropped session.
        expect((failure as Error).message).toMatch(/terminat/i);
      } finally {
        await admin.query('ROLLBACK');
      }

      expect(await store.count()).toBe(before);
      expect(await store.streamVersion(streamId)).toBe(-1);

      const retried = await store.append(streamId, events, { expectedVersion: 'no_stream' });
      expect(retried.alreadyStored).toBe(false);
      expect((await store.readStream(streamId)).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
      expect(await store.count()).toBe(before + events.length);
      // A second retry (the client never saw the first answer) is recognised, not stored twice.
      expect((await store.append(streamId, events, { expectedVersion: 'no_stream' })).alreadyStored).toBe(true);
    });
  }
});
