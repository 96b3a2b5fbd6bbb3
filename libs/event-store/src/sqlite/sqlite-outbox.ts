import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { DeadLetter, Outbox, OutboxEntry, OutboxLag } from '../outbox/outbox.port';
import type { Upcaster } from '../upcasting';
import { type EventRow, recordedEventOf } from './sqlite-statements';

type PendingRow = readonly [...EventRow, attempts: number, lastError: string | null];
type DeadLetterRow = Readonly<{ global_position: number; event_id: string; error: string; dead_lettered_at: string }>;

/**
 * {@link Outbox} over the `outbox` table that {@link SqliteEventStore} fills in each append's transaction.
 * Sent entries are deleted, so the table holds only what waits; another process (the relay) may open the
 * same file and drain it while the API appends, as SQLite's WAL lets one writer and many readers share it.
 */
export class SqliteOutbox implements Outbox {
  private readonly pendingRows: Statement<[limit: number], PendingRow>;
  private readonly deleteEntry: Statement<[globalPosition: bigint]>;
  private readonly countFailure: Statement<[error: string, globalPosition: bigint], number>;
  private readonly insertDeadLetter: Statement<[globalPosition: bigint, error: string, at: string]>;
  private readonly deadLetterRows: Statement<[], DeadLetterRow>;
  private readonly waiting: Statement<[], number>;
  private readonly oldest: Statement<[], string>;
  private readonly markSentTransaction: Transaction<(positions: readonly bigint[]) => void>;
  private readonly deadLetterTransaction: Transaction<(position: bigint, error: string, at: string) => void>;

  constructor(
    private readonly db: Database,
    private readonly upcast?: Upcaster,
  ) {
    this.pendingRows = db
      .prepare<[number], PendingRow>(
        `SELECT e.global_position, e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.data, e.metadata,
                e.recorded_at, o.attempts, o.last_error
         FROM outbox o JOIN events e ON e.global_position = o.global_position
         ORDER BY o.global_position LIMIT ?`,
      )
      .raw();
    this.deleteEntry = db.prepare<[bigint]>('DELETE FROM outbox WHERE global_position = ?');
    this.countFailure = db
      .prepare<[string, bigint], number>('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE global_position = ? RETURNING attempts')
      .pluck();
    this.insertDeadLetter = db.prepare<[bigint, string, string]>(
      'INSERT OR IGNORE INTO outbox_dead_letters (global_position, error, dead_lettered_at) VALUES (?, ?, ?)',
    );
    this.deadLetterRows = db.prepare<[], DeadLetterRow>(
      `SELECT d.global_position, e.event_id, d.error, d.dead_lettered_at
       FROM outbox_dead_letters d JOIN events e ON e.global_position = d.global_position ORDER BY d.global_position`,
    );
    this.waiting = db.prepare<[], number>('SELECT count(*) FROM outbox').pluck();
    // Recorded times rise with positions, so the lowest waiting position is also the oldest entry.
    this.oldest = db
      .prepare<[], string>('SELECT recorded_at FROM events WHERE global_position = (SELECT min(global_position) FROM outbox)')
      .pluck();
    this.markSentTransaction = db.transaction((positions: readonly bigint[]) => {
      for (const position of positions) this.deleteEntry.run(position);
    });
    this.deadLetterTransaction = db.transaction((position: bigint, error: string, at: string) => {
      // Only a waiting entry is dead-lettered: one already sent (or dead-lettered) stays as it was.
      if (this.deleteEntry.run(position).changes === 1) this.insertDeadLetter.run(position, error, at);
    });
  }

  async pending(limit: number): Promise<readonly OutboxEntry[]> {
    return this.pendingRows.all(limit).map((row) => ({
      event: recordedEventOf(row.slice(0, 9) as unknown as EventRow, this.upcast),
      attempts: row[9],
      lastError: row[10],
    }));
  }

  async markSent(globalPositions: readonly bigint[]): Promise<void> {
    if (globalPositions.length > 0) this.markSentTransaction.immediate(globalPositions);
  }

  async recordFailure(globalPosition: bigint, error: string): Promise<number> {
    return this.countFailure.get(error, globalPosition) ?? 0;
  }

  async markDeadLettered(globalPosition: bigint, error: string): Promise<void> {
    this.deadLetterTransaction.immediate(globalPosition, error, new Date().toISOString());
  }

  async deadLetters(): Promise<readonly DeadLetter[]> {
    return this.deadLetterRows.all().map((row) => ({
      globalPosition: BigInt(row.global_position),
      eventId: row.event_id,
      error: row.error,
      deadLetteredAt: row.dead_lettered_at,
    }));
  }

  async lag(now: Date = new Date()): Promise<OutboxLag> {
    const waiting = this.waiting.get() ?? 0;
    const oldestRecordedAt = waiting > 0 ? (this.oldest.get() ?? null) : null;
    const oldestAgeMs = oldestRecordedAt === null ? 0 : Math.max(0, now.getTime() - Date.parse(oldestRecordedAt));
    return { waiting, oldestRecordedAt, oldestAgeMs };
  }
}
