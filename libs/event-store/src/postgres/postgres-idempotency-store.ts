import type { Pool } from 'pg';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency-store.port';

/**
 * {@link IdempotencyStore} in the `idempotency_keys` table beside the PostgreSQL log (pass
 * `PostgresEventStore.connections`), so every API instance in front of one database answers a retried key
 * the same way, and the records share the log's backups.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  async find(key: string): Promise<IdempotencyRecord | undefined> {
    const { rows } = await this.pool.query<{ request_hash: string; status: number; body: string }>(
      'SELECT request_hash, status, body::text AS body FROM idempotency_keys WHERE key = $1',
      [key],
    );
    const row = rows[0];
    return row && { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) };
  }

  async save(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const body = JSON.stringify(record.body, bigintAsString) ?? 'null';
    // DO NOTHING keeps the first response: a racing duplicate must not overwrite what a client may already have.
    const { rowCount } = await this.pool.query(
      'INSERT INTO idempotency_keys (key, request_hash, status, body) VALUES ($1, $2, $3, $4::json) ON CONFLICT (key) DO NOTHING',
      [key, record.requestHash, record.status, body],
    );
    if (rowCount === 0) return (await this.find(key))!;
    return { requestHash: record.requestHash, status: record.status, body: JSON.parse(body) };
  }
}

/** Global positions are bigints, which JSON cannot hold; HTTP responses carry them as decimal strings anyway. */
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
