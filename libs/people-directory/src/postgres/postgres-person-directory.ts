import type { CalendarDate } from '@orgchange/domain';
import { Pool, type PoolClient } from 'pg';
import { nameOn } from '../name-on';
import type { PersonDirectory, PersonName } from '../person-directory.port';
import { newPersonKey, openNames, sealNames } from '../person-record.cipher';

export type PostgresPersonDirectoryOptions = Readonly<{ url: string; schema?: string }>;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * {@link PersonDirectory} in PostgreSQL, beside a PostgreSQL log: every API instance then sees the same names and
 * the same erasures (a local SQLite replica would keep its own). Same sealing as the SQLite adapter: a random
 * AES-256-GCM key per person, erasure overwrites and deletes it. Writes for one person are serialised with a
 * transaction-scoped advisory lock, so a concurrent import cannot re-create a key an erasure is destroying.
 */
export class PostgresPersonDirectory implements PersonDirectory {
  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {}

  static async open(options: PostgresPersonDirectoryOptions): Promise<PostgresPersonDirectory> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`person directory schema "${schema}" is not a plain lower-case name`);
    const pool = new Pool({ connectionString: options.url, max: 4 });
    const directory = new PostgresPersonDirectory(pool, schema);
    try {
      await directory.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return directory;
  }

  private async migrate(): Promise<void> {
    const s = this.schema;
    await this.pool.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${s}.person_keys (person_id text PRIMARY KEY, data_key bytea NOT NULL);
      CREATE TABLE IF NOT EXISTS ${s}.person_records (
        person_id text NOT NULL, source text NOT NULL, nonce bytea NOT NULL, ciphertext bytea NOT NULL, tag bytea NOT NULL,
        PRIMARY KEY (person_id, source)
      );
      CREATE TABLE IF NOT EXISTS ${s}.person_erasures (person_id text PRIMARY KEY, erased_at timestamptz NOT NULL);
    `);
  }

  async recordNames(personId: string, source: string, names: readonly PersonName[]): Promise<boolean> {
    return this.forPerson(personId, async (client) => {
      if ((await client.query(`SELECT 1 FROM ${this.schema}.person_erasures WHERE person_id = $1`, [personId])).rowCount) return false;
      if (names.length === 0) {
        await client.query(`DELETE FROM ${this.schema}.person_records WHERE person_id = $1 AND source = $2`, [personId, source]);
        return true;
      }
      await client.query(`INSERT INTO ${this.schema}.person_keys (person_id, data_key) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`, [personId, newPersonKey()]);
      const key = (await client.query<{ data_key: Buffer }>(`SELECT data_key FROM ${this.schema}.person_keys WHERE person_id = $1`, [personId])).rows[0].data_key;
      const sealed = sealNames(key, personId, source, names);
      await client.query(
        `INSERT INTO ${this.schema}.person_records (person_id, source, nonce, ciphertext, tag) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (person_id, source) DO UPDATE SET nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, tag = EXCLUDED.tag`,
        [personId, source, sealed.nonce, sealed.ciphertext, sealed.tag],
      );
      return true;
    });
  }

  async namesOn(personIds: readonly string[], on: CalendarDate): Promise<ReadonlyMap<string, string>> {
    const ids = [...new Set(personIds)];
    const names = new Map<string, string>();
    if (ids.length === 0) return names;
    const { rows } = await this.pool.query<{ person_id: string; data_key: Buffer; source: string; nonce: Buffer; ciphertext: Buffer; tag: Buffer }>(
      `SELECT k.person_id, k.data_key, r.source, r.nonce, r.ciphertext, r.tag
         FROM ${this.schema}.person_keys k JOIN ${this.schema}.person_records r ON r.person_id = k.person_id
        WHERE k.person_id = ANY($1)`,
      [ids],
    );
    const byPerson = new Map<string, PersonName[]>();
    for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), ...openNames(row.data_key, row.person_id, row.source, row)]);
    for (const [personId, all] of byPerson) {
      const name = nameOn(all, on);
      if (name !== undefined) names.set(personId, name);
    }
    return names;
  }

  async erasedAmong(personIds: readonly string[]): Promise<ReadonlySet<string>> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query<{ person_id: string }>(`SELECT person_id FROM ${this.schema}.person_erasures WHERE person_id = ANY($1)`, [ids]);
    return new Set(rows.map((r) => r.person_id));
  }

  async erase(personId: string, erasedAt: Date): Promise<number> {
    return this.forPerson(personId, async (client) => {
      const destroyed = await this.countNames(client, personId);
      await client.query(`INSERT INTO ${this.schema}.person_erasures (person_id, erased_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`, [personId, erasedAt]);
      // Overwrite before deleting; PostgreSQL keeps dead row versions until VACUUM reclaims them (see docs/security.md).
      await client.query(`UPDATE ${this.schema}.person_keys SET data_key = decode(repeat('00', length(data_key)), 'hex') WHERE person_id = $1`, [personId]);
      await client.query(`DELETE FROM ${this.schema}.person_keys WHERE person_id = $1`, [personId]);
      await client.query(`DELETE FROM ${this.schema}.person_records WHERE person_id = $1`, [personId]);
      return destroyed;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async countNames(client: PoolClient, personId: string): Promise<number> {
    const { rows } = await client.query<{ data_key: Buffer; source: string; nonce: Buffer; ciphertext: Buffer; tag: Buffer }>(
      `SELECT k.data_key, r.source, r.nonce, r.ciphertext, r.tag FROM ${this.schema}.person_keys k JOIN ${this.schema}.person_records r ON r.person_id = k.person_id WHERE k.person_id = $1`,
      [personId],
    );
    return rows.reduce((n, row) => n + openNames(row.data_key, personId, row.source, row).length, 0);
  }

  /** Runs `work` in a transaction holding this person's advisory lock. */
  private async forPerson<T>(personId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('orgchange.person:' || $1))`, [personId]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
