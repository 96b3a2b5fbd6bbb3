import type { Database } from 'better-sqlite3';
import { withNormalSync } from '@orgchange/event-store';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { RebuildClaim } from '../read-model/rebuild-claim';
import { createShadowTables, swapInShadowTables } from '../read-model/shadow-tables';
import { ShadowWriter } from '../read-model/shadow-writer';
import { type LogPages, type LogRow, StreamGrouper, StreamOrderCursor } from './log-pages';
import { StreamReplay } from './stream-replay';

export type StreamRebuildOptions = Readonly<{
  /** Log rows read, and shadow rows committed, per transaction. */
  batchSize: number;
  /** Called after each batch with the number of events replayed so far. */
  onBatch?: (replayed: number) => void;
  /** Runs in the transaction that swaps the new tables in, given the position they were rebuilt up to. */
  onSwap: (head: number) => void;
}>;

/**
 * Rebuilds the read model from the log up to its current head without touching the live tables: every stream is
 * replayed on its own from its events in stream order (the log's stream index), each version of a fact row is
 * inserted once with both recorded times into shadow tables without indexes, and the shadows replace the live
 * tables in one transaction that builds the indexes and records the head as the checkpoint. Events appended
 * meanwhile are left to the projector's catch-up. A rebuild cut short leaves the old read model as it was.
 * One rebuild at a time per file ({@link RebuildClaim}): a second one is refused while the first is alive.
 * Returns the head and the number of events replayed.
 */
export async function rebuildStreamByStream(db: Database, log: LogPages, options: StreamRebuildOptions): Promise<{ head: number; replayed: number; phases: RebuildPhases }> {
  const claim = RebuildClaim.take(db);
  try {
    return await rebuildClaimed(db, log, options, claim);
  } catch (error) {
    claim.abandon();
    throw error;
  }
}

async function rebuildClaimed(db: Database, log: LogPages, options: StreamRebuildOptions, claim: RebuildClaim): Promise<{ head: number; replayed: number; phases: RebuildPhases }> {
  const phases = new PhaseClock();
  const head = (db.prepare('SELECT max(global_position) FROM events').pluck().get() as number | null) ?? 0;
  createShadowTables(db);
  const writer = new ShadowWriter(db);
  const replay = new StreamReplay(writer, writer);
  const cursor = new StreamOrderCursor(log, head, Math.min(options.batchSize, READ_CHUNK));
  const streams = new StreamGrouper();
  const replayStream = (rows: readonly LogRow[]) => replay.replay(rows.map((r) => log.event(r)));
  let replayed = 0;
  const mmap = db.pragma('mmap_size', { simple: true }) as number;
  db.pragma(`mmap_size = ${LOAD_MMAP_BYTES}`);
  try {
    while (!cursor.done) {
      withNormalSync(db, () =>
        db.transaction(() => {
          for (let inBatch = 0; inBatch < options.batchSize && !cursor.done; ) {
            const rows = cursor.next();
            for (const row of rows) streams.add(row, replayStream);
            inBatch += rows.length;
            replayed += rows.length;
          }
          if (cursor.done) streams.end(replayStream);
          writer.flush();
          claim.renew();
        }).immediate(),
      );
      options.onBatch?.(replayed);
      // Lets progress be drawn, and appends and queries on this connection run, between batches.
      await yieldToEventLoop();
    }
  } finally {
    db.pragma(`mmap_size = ${mmap}`);
  }
  phases.lap('load');
  withNormalSync(db, () => {
    swapInShadowTables(db, () => {
      claim.release();
      options.onSwap(head);
    });
    phases.lap('swap');
  });
  return { head, replayed, phases: phases.laps };
}

/**
 * Memory-mapped reads while loading: walking the stream index reads the events table out of order, and mapped
 * pages cost no system call each (about a sixth of the load's CPU on the 50-trust log). Bounded, because
 * resident mapped pages count in the process's RSS.
 */
const LOAD_MMAP_BYTES = 256 * 2 ** 20;

/** Log rows read per query: few enough that they die young in the garbage collector's eyes. */
const READ_CHUNK = 2000;

/** Wall and CPU milliseconds of each step of a rebuild: loading the shadows, and swapping them in with their indexes. */
export type RebuildPhases = Readonly<Record<string, Readonly<{ ms: number; cpuMs: number }>>>;

class PhaseClock {
  readonly laps: Record<string, { ms: number; cpuMs: number }> = {};
  private wall = performance.now();
  private cpu = process.cpuUsage();

  lap(name: string): void {
    const used = process.cpuUsage(this.cpu);
    this.laps[name] = { ms: Math.round(performance.now() - this.wall), cpuMs: Math.round((used.user + used.system) / 1000) };
    this.wall = performance.now();
    this.cpu = process.cpuUsage();
  }
}
