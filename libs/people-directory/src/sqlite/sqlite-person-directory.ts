import type { Database, Statement } from 'better-sqlite3';
import type { CalendarDate } from '@orgchange/domain';
import type { PersonDirectory, PersonName } from '../person-directory.port';
import { nameOn } from '../name-on';
import { newPersonKey, openNames, sealNames } from '../person-record.cipher';
import { createPersonDirectorySchema, zeroFreedPages } from './person-directory.schema';

type SealedRow = Readonly<{ source: string; nonce: Buffer; ciphertext: Buffer; tag: Buffer }>;

/**
 * {@link PersonDirectory} in the event store's own SQLite file (pass `SqliteEventStore.database`). Each person's
 * names are sealed with AES-256-GCM under a key of their own; erasure zeroes and deletes that key and the sealed
 * records, so no copy of the names in this file can be opened afterwards. The event log is never touched.
 */
export class SqlitePersonDirectory implements PersonDirectory {
  private readonly erased: Statement<[string], { person_id: string }>;
  private readonly keyOf: Statement<[string], { data_key: Buffer }>;
  private readonly insertKey: Statement<[string, Buffer]>;
  private readonly upsertRecord: Statement<[string, string, Buffer, Buffer, Buffer]>;
  private readonly deleteRecord: Statement<[string, string]>;
  private readonly recordsOf: Statement<[string], SealedRow>;
  private readonly zeroKey: Statement<[string]>;
  private readonly deleteKey: Statement<[string]>;
  private readonly deleteRecords: Statement<[string]>;
  private readonly remember: Statement<[string, string]>;

  constructor(private readonly db: Database) {
    createPersonDirectorySchema(db);
    this.erased = db.prepare('SELECT person_id FROM person_erasures WHERE person_id = ?');
    this.keyOf = db.prepare('SELECT data_key FROM person_keys WHERE person_id = ?');
    this.insertKey = db.prepare('INSERT OR IGNORE INTO person_keys (person_id, data_key) VALUES (?, ?)');
    this.upsertRecord = db.prepare('INSERT OR REPLACE INTO person_records (person_id, source, nonce, ciphertext, tag) VALUES (?, ?, ?, ?, ?)');
    this.deleteRecord = db.prepare('DELETE FROM person_records WHERE person_id = ? AND source = ?');
    this.recordsOf = db.prepare('SELECT source, nonce, ciphertext, tag FROM person_records WHERE person_id = ?');
    this.zeroKey = db.prepare('UPDATE person_keys SET data_key = zeroblob(length(data_key)) WHERE person_id = ?');
    this.deleteKey = db.prepare('DELETE FROM person_keys WHERE person_id = ?');
    this.deleteRecords = db.prepare('DELETE FROM person_records WHERE person_id = ?');
    this.remember = db.prepare('INSERT INTO person_erasures (person_id, erased_at) VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING');
  }

  async recordNames(personId: string, source: string, names: readonly PersonName[]): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.erased.get(personId)) return false;
      if (names.length === 0) {
        this.deleteRecord.run(personId, source);
        return true;
      }
      this.insertKey.run(personId, newPersonKey());
      const sealed = sealNames(this.keyOf.get(personId)!.data_key, personId, source, names);
      this.upsertRecord.run(personId, source, sealed.nonce, sealed.ciphertext, sealed.tag);
      return true;
    })();
  }

  async namesOn(personIds: readonly string[], on: CalendarDate): Promise<ReadonlyMap<string, string>> {
    const names = new Map<string, string>();
    for (const personId of new Set(personIds)) {
      const name = nameOn(this.allNames(personId), on);
      if (name !== undefined) names.set(personId, name);
    }
    return names;
  }

  async erasedAmong(personIds: readonly string[]): Promise<ReadonlySet<string>> {
    return new Set([...new Set(personIds)].filter((personId) => this.erased.get(personId) !== undefined));
  }

  async erase(personId: string, erasedAt: Date): Promise<number> {
    const destroyed = this.allNames(personId).length;
    zeroFreedPages(this.db, () =>
      this.db.transaction(() => {
        this.remember.run(personId, erasedAt.toISOString());
        // Overwrite the key in place before deleting the row, so its bytes do not linger on a free-list page.
        this.zeroKey.run(personId);
        this.deleteKey.run(personId);
        this.deleteRecords.run(personId);
      })(),
    );
    return destroyed;
  }

  private allNames(personId: string): PersonName[] {
    const key = this.keyOf.get(personId)?.data_key;
    if (!key) return [];
    return this.recordsOf.all(personId).flatMap((row) => openNames(key, personId, row.source, row));
  }
}
