import type { Database } from 'better-sqlite3';
import { newPersonKey, sealNames } from '../person-record.cipher';
import type { PersonName } from '../person-directory.port';

/**
 * `person_keys` holds one random data key per person; `person_records` their names per source, sealed with that
 * key; `person_erasures` outlives both, so an erased person stays erased. Destroying a key row is the erasure.
 */
export function createPersonDirectorySchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS person_keys (person_id TEXT PRIMARY KEY, data_key BLOB NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS person_records (
      person_id TEXT NOT NULL, source TEXT NOT NULL, nonce BLOB NOT NULL, ciphertext BLOB NOT NULL, tag BLOB NOT NULL,
      PRIMARY KEY (person_id, source)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS person_erasures (person_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL) WITHOUT ROWID;
  `);
  migratePlaintextNames(db);
}

type LegacyRow = Readonly<{ person_id: string; source: string; name: string; valid_from: string | null; valid_to: string | null }>;

/**
 * Databases written before encryption kept names in the clear in `person_names`: seal them per person and
 * source, then drop that table (its pages are overwritten, see `zeroFreedPages`), in one transaction.
 */
function migratePlaintextNames(db: Database): void {
  const legacy = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'person_names'").get();
  if (!legacy) return;
  db.transaction(() => {
    const rows = db.prepare('SELECT person_id, source, name, valid_from, valid_to FROM person_names ORDER BY rowid').all() as LegacyRow[];
    const groups = new Map<string, { personId: string; source: string; names: PersonName[] }>();
    for (const row of rows) {
      const key = `${row.person_id}\u0000${row.source}`;
      const group = groups.get(key) ?? { personId: row.person_id, source: row.source, names: [] };
      group.names.push({ name: row.name, ...(row.valid_from ? { from: row.valid_from as never } : {}), ...(row.valid_to ? { until: row.valid_to as never } : {}) });
      groups.set(key, group);
    }
    const insertKey = db.prepare('INSERT OR IGNORE INTO person_keys (person_id, data_key) VALUES (?, ?)');
    const keyOf = db.prepare('SELECT data_key FROM person_keys WHERE person_id = ?').pluck();
    const insertRecord = db.prepare('INSERT OR REPLACE INTO person_records (person_id, source, nonce, ciphertext, tag) VALUES (?, ?, ?, ?, ?)');
    for (const { personId, source, names } of groups.values()) {
      insertKey.run(personId, newPersonKey());
      const sealed = sealNames(keyOf.get(personId) as Buffer, personId, source, names);
      insertRecord.run(personId, source, sealed.nonce, sealed.ciphertext, sealed.tag);
    }
    zeroFreedPages(db, () => db.exec('DROP TABLE person_names'));
  })();
}

/**
 * Runs a delete with SQLite's secure_delete on, so the freed pages are overwritten with zeros rather than left
 * readable in the file. Only around the directory's own deletes: the event store shares the connection.
 */
export function zeroFreedPages<T>(db: Database, run: () => T): T {
  const previous = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return run();
  } finally {
    db.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
}
