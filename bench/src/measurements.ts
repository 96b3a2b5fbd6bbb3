import { performance } from 'node:perf_hooks';
import { type AggregateStateCache, type EventStore, handleCommand, type NewEvent, readAllPages, type SqliteEventStore } from '@orgchange/event-store';
import { randomUUID } from 'node:crypto';
import { seededRandom, type WorkloadSize, workloadEvent, workloadMetadata } from './workload';
import { workloadDecider } from './workload.decider';

const perSecond = (events: number, ms: number): number => Math.round((events / ms) * 1000);

/**
 * (1) Each event through the command path: fold, decide, append at the version the state was folded to. With a
 * `cache` (as the API's command handlers run) a stream this process wrote last is decided on the state kept
 * after that write; without one every command reads its stream first.
 */
export async function appendPerCommand(store: EventStore, size: WorkloadSize, cache?: AggregateStateCache): Promise<number> {
  const started = performance.now();
  for (let round = 0; round < size.rounds; round += 1) {
    for (let n = 0; n < size.streams; n += 1) {
      await handleCommand(store, workloadDecider, `post-${n}`, { type: 'RecordNext', event: workloadEvent(n, round) }, {
        metadata: workloadMetadata(),
        newEventId: () => randomUUID(),
      }, cache);
    }
  }
  return perSecond(size.streams * size.rounds, performance.now() - started);
}

/** (2) Each stream's events in one append with an expected version, straight on the store. */
export async function appendBatched(store: EventStore, size: WorkloadSize): Promise<number> {
  const started = performance.now();
  for (let n = 0; n < size.streams; n += 1) {
    const events: NewEvent[] = [];
    for (let round = 0; round < size.rounds; round += 1) events.push({ ...workloadEvent(n, round), eventId: randomUUID(), metadata: workloadMetadata() });
    await store.append(`post-${n}`, events, { expectedVersion: 'no_stream' });
  }
  return perSecond(size.streams * size.rounds, performance.now() - started);
}

/** (3) 10,000 whole streams chosen with a fixed seed, one at a time: mean and p99 latency. */
export async function readStreams(store: EventStore, size: WorkloadSize, reads = 10_000): Promise<{ meanMs: number; p99Ms: number }> {
  const random = seededRandom(42);
  const latencies: number[] = [];
  for (let i = 0; i < reads; i += 1) {
    const streamId = `post-${Math.floor(random() * size.streams)}`;
    const started = performance.now();
    const events = await store.readStream(streamId);
    latencies.push(performance.now() - started);
    if (events.length !== size.rounds) throw new Error(`${streamId} has ${events.length} events, expected ${size.rounds}`);
  }
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((sum, l) => sum + l, 0) / latencies.length;
  return { meanMs: round3(mean), p99Ms: round3(latencies[Math.ceil(latencies.length * 0.99) - 1]) };
}

/** (4) The whole log in global order, a page at a time. */
export async function readAll(store: EventStore, page = 1000): Promise<number> {
  const started = performance.now();
  let total = 0;
  for await (const events of readAllPages(store, { pageSize: page })) total += events.length;
  return perSecond(total, performance.now() - started);
}

/**
 * (5) Rebuild a projection of active appointments per unit in the store's own database: read a page,
 * apply it and advance the checkpoint in one transaction.
 */
export async function rebuildProjection(store: SqliteEventStore, page = 1000): Promise<number> {
  const db = store.database;
  db.exec(`DROP TABLE IF EXISTS bench_active_appointments; DROP TABLE IF EXISTS bench_checkpoint;
    CREATE TABLE bench_active_appointments (unit_id TEXT PRIMARY KEY, active INTEGER NOT NULL);
    CREATE TABLE bench_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
    INSERT INTO bench_checkpoint VALUES (1, 0);`);
  const upsert = db.prepare('INSERT INTO bench_active_appointments (unit_id, active) VALUES (?, ?) ON CONFLICT(unit_id) DO UPDATE SET active = active + excluded.active');
  const checkpoint = db.prepare('UPDATE bench_checkpoint SET position = ? WHERE id = 1');
  const started = performance.now();
  let total = 0;
  for await (const events of readAllPages(store, { pageSize: page })) {
    db.transaction(() => {
      for (const event of events) upsert.run((event.data as { unitId: string }).unitId, event.type === 'AppointmentStarted' ? 1 : -1);
      checkpoint.run(events[events.length - 1].globalPosition);
    })();
    total += events.length;
  }
  return perSecond(total, performance.now() - started);
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
