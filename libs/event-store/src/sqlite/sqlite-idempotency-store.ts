import type { Database, Statement } from 'better-sqlite3';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency-store.port';

type Row = Readonly<{ request_hash: string; status: number; body: string }>;

/**
 * {@link IdempotencyStore} in a table of the event store's own SQLite file (pass
 * `SqliteEventStore.database`), so records share its durability settings and backups.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly select: Statement<[key: string], Row>;
  private readonly insert: Statement<[key: string, requestHash: string, status: number, body: string, createdAt: string]>;
  private readonly now: () => Date;

  constructor(db: Database, options: { now?: () => Date } = {}) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        key TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      )
    `);
    this.select = db.prepare<[string], Row>('SELECT request_hash, status, body FROM idempotency_keys WHERE key = ?');
    // DO NOTHING keeps the first response: a racing duplicate must not overwrite what a client may already have.
    this.insert = db.prepare<[string, string, number, string, string]>(
      `INSERT INTO idempotency_keys (key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO NOTHING`,
    );
    this.now = options.now ?? (() => new Date());
  }

  async find(key: string): Promise<IdempotencyRecord | undefined> {
    const row = this.select.get(key);
    return row && { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) };
  }

  async save(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const body = JSON.stringify(record.body, bigintAsString) ?? 'null';
    const { changes } = this.insert.run(key, record.requestHash, record.status, body, this.now().toISOString());
    if (changes === 0) return (await this.find(key))!;
    // Returned in its stored form, so the first answer and every replay are byte-for-byte the same.
    return { requestHash: record.requestHash, status: record.status, body: JSON.parse(body) };
  }
}

/** Global positions are bigints, which JSON cannot hold; HTTP responses carry them as decimal strings anyway. */
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
