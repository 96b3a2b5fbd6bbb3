import { performance } from 'node:perf_hooks';
import { AggregateStateCache, PostgresEventStore, readAllPages } from '@orgchange/event-store';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { appendBatched, appendPerCommand, readAll, readStreams } from './measurements';
import type { WorkloadSize } from './workload';

/** The server the PostgreSQL workload runs on: `DATABASE_URL`, else the one on this machine. */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type PostgresRun = {
  appendPerCommandEventsPerSec: number;
  appendPerCommandReadingEventsPerSec: number;
  appendBatchedEventsPerSec: number;
  readStreamMeanMs: number;
  readStreamP99Ms: number;
  readAllEventsPerSec: number;
  rebuildEventsPerSec: number;
};

/** One run of the five measurements on PostgresEventStore, each log in a schema of its own, dropped afterwards. */
export function runOnceOnPostgres(size: WorkloadSize): Promise<PostgresRun> {
  return inFreshSchema(async (store) => {
    const appendPerCommandEventsPerSec = await appendPerCommand(store, size, new AggregateStateCache());
    const { meanMs, p99Ms } = await readStreams(store, size);
    const readAllEventsPerSec = await readAll(store);
    const rebuildEventsPerSec = await rebuildOnPostgres(store);
    const appendBatchedEventsPerSec = await inFreshSchema((batched) => appendBatched(batched, size));
    const appendPerCommandReadingEventsPerSec = await inFreshSchema((reading) => appendPerCommand(reading, size));
    return { appendPerCommandEventsPerSec, appendPerCommandReadingEventsPerSec, appendBatchedEventsPerSec, readStreamMeanMs: meanMs, readStreamP99Ms: p99Ms, readAllEventsPerSec, rebuildEventsPerSec };
  });
}

/**
 * (5) on PostgreSQL: active appointments per unit in a table beside the log, each page of 1,000 applied with
 * its checkpoint in one transaction. A page's +1/−1 are summed per unit first, so the page is one upsert
 * statement (the same rows as applying each event in turn).
 */
async function rebuildOnPostgres(store: PostgresEventStore, page = 1000): Promise<number> {
  const pool = store.connections;
  await pool.query(`DROP TABLE IF EXISTS bench_active_appointments; DROP TABLE IF EXISTS bench_checkpoint;
    CREATE TABLE bench_active_appointments (unit_id text PRIMARY KEY, active integer NOT NULL);
    CREATE TABLE bench_checkpoint (id integer PRIMARY KEY CHECK (id = 1), position bigint NOT NULL);
    INSERT INTO bench_checkpoint VALUES (1, 0);`);
  const client = await pool.connect();
  const started = performance.now();
  let total = 0;
  try {
    for await (const events of readAllPages(store, { pageSize: page })) {
      const deltas = new Map<string, number>();
      for (const event of events) {
        const unit = (event.data as { unitId: string }).unitId;
        deltas.set(unit, (deltas.get(unit) ?? 0) + (event.type === 'AppointmentStarted' ? 1 : -1));
      }
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO bench_active_appointments (unit_id, active) SELECT * FROM unnest($1::text[], $2::integer[])
         ON CONFLICT (unit_id) DO UPDATE SET active = bench_active_appointments.active + excluded.active`,
        [[...deltas.keys()], [...deltas.values()]],
      );
      await client.query('UPDATE bench_checkpoint SET position = $1 WHERE id = 1', [events[events.length - 1].globalPosition.toString()]);
      await client.query('COMMIT');
      total += events.length;
    }
  } finally {
    client.release();
  }
  return Math.round((total / (performance.now() - started)) * 1000);
}

/** `work` on a PostgresEventStore of its own, in a schema dropped afterwards. */
const inFreshSchema = <T>(work: (store: PostgresEventStore) => Promise<T>): Promise<T> =>
  withSchema(async (schema) => {
    const store = await PostgresEventStore.open({ url: BENCH_DATABASE_URL, schema });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  });

async function withSchema<T>(work: (schema: string) => Promise<T>): Promise<T> {
  const schema = `oc_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    return await work(schema);
  } finally {
    const client = new Client({ connectionString: BENCH_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

/** The server's durability settings, stated with the figures. */
export async function postgresDurability(): Promise<string> {
  const client = new Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    const setting = async (name: string): Promise<string> => (await client.query(`SHOW ${name}`)).rows[0][name];
    const version = await setting('server_version');
    return `PostgreSQL ${version} at ${new URL(BENCH_DATABASE_URL).host}, fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')} (server defaults: every acknowledged append is on disk)`;
  } finally {
    await client.end();
  }
}

/**
 * The server's commit latency as seen from this process: `count` one-row inserts, each its own transaction
 * (what pgbench's one-insert script does), in a table of their own that is dropped afterwards. Every
 * per-command append pays one such commit, so this is the floor under both stores' per-command figures
 * and says how busy the disk was while they ran.
 */
export async function postgresCommitLatencyMs(count = 300): Promise<number> {
  const client = new Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  const table = `oc_bench_commit_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await client.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, body text NOT NULL)`);
    const started = performance.now();
    for (let i = 0; i < count; i += 1) await client.query({ text: `INSERT INTO ${table} VALUES ($1, $2)`, values: [i, 'x'.repeat(200)], name: 'commit_probe' });
    return Math.round(((performance.now() - started) / count) * 1000) / 1000;
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  }
}
