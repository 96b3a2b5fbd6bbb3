import type { Pool } from 'pg';
import type { DeadLetter, Outbox, OutboxEntry, OutboxLag } from '../outbox/outbox.port';
import type { Upcaster } from '../upcasting';
import { EVENT_COLUMNS, type EventRow, recordedEventOf } from './postgres-rows';

type PendingRow = [...EventRow, attempts: number, lastError: string | null];

/**
 * {@link Outbox} over the `outbox` table that `orgchange_append` fills in each append's transaction. Sent
 * entries are deleted, so the table holds only what waits. Positions become visible in order (the append
 * lock), so a relay reading `pending` never passes over an entry that commits later.
 */
export class PostgresOutbox implements Outbox {
  constructor(
    private readonly pool: Pool,
    private readonly upcast?: Upcaster,
  ) {}

  async pending(limit: number): Promise<readonly OutboxEntry[]> {
    const { rows } = await this.pool.query<PendingRow>({
      text: `SELECT ${EVENT_COLUMNS}, o.attempts, o.last_error FROM outbox o JOIN events USING (global_position)
             ORDER BY o.global_position LIMIT $1`,
      values: [limit],
      rowMode: 'array',
    });
    return rows.map((row) => ({ event: recordedEventOf(row.slice(0, 9) as EventRow, this.upcast), attempts: row[9], lastError: row[10] }));
  }

  async markSent(globalPositions: readonly bigint[]): Promise<void> {
    if (globalPositions.length === 0) return;
    await this.pool.query('DELETE FROM outbox WHERE global_position = ANY($1::bigint[])', [globalPositions.map(String)]);
  }

  async recordFailure(globalPosition: bigint, error: string): Promise<number> {
    const { rows } = await this.pool.query<{ attempts: number }>(
      'UPDATE outbox SET attempts = attempts + 1, last_error = $1 WHERE global_position = $2 RETURNING attempts',
      [error, globalPosition.toString()],
    );
    return rows[0]?.attempts ?? 0;
  }

  async markDeadLettered(globalPosition: bigint, error: string): Promise<void> {
    // Only a waiting entry is dead-lettered: one already sent (or dead-lettered) stays as it was.
    await this.pool.query(
      `WITH taken AS (DELETE FROM outbox WHERE global_position = $1 RETURNING global_position)
       INSERT INTO outbox_dead_letters (global_position, error) SELECT global_position, $2 FROM taken ON CONFLICT DO NOTHING`,
      [globalPosition.toString(), error],
    );
  }

  async deadLetters(): Promise<readonly DeadLetter[]> {
    const { rows } = await this.pool.query<{ position: string; event_id: string; error: string; at: string }>(
      `SELECT d.global_position::text AS position, e.event_id, d.error,
              to_char(d.dead_lettered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
       FROM outbox_dead_letters d JOIN events e USING (global_position) ORDER BY d.global_position`,
    );
    return rows.map((r) => ({ globalPosition: BigInt(r.position), eventId: r.event_id, error: r.error, deadLetteredAt: r.at }));
  }

  async lag(now: Date = new Date()): Promise<OutboxLag> {
    const { rows } = await this.pool.query<{ waiting: number; oldest: string | null }>(
      `SELECT (SELECT count(*)::integer FROM outbox) AS waiting,
              (SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM events
               WHERE global_position = (SELECT min(global_position) FROM outbox)) AS oldest`,
    );
    const { waiting, oldest } = rows[0];
    return { waiting, oldestRecordedAt: oldest, oldestAgeMs: oldest === null ? 0 : Math.max(0, now.getTime() - Date.parse(oldest)) };
  }
}
