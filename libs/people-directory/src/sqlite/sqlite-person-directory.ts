import type { Database, Statement } from 'better-sqlite3';
import type { CalendarDate } from '@orgchange/domain';
import type { PersonDirectory, PersonName } from '../person-directory.port';

type NameRow = Readonly<{ person_id: string; name: string; valid_from: string | null; valid_to: string | null }>;

/**
 * {@link PersonDirectory} in two tables of the event store's own SQLite file (pass `SqliteEventStore.database`):
 * `person_names`, and `person_erasures`, which outlives the names so an erased person stays erased.
 */
export class SqlitePersonDirectory implements PersonDirectory {
  private readonly erased: Statement<[string], { person_id: string }>;
  private readonly deleteFromSource: Statement<[string, string]>;
  private readonly insert: Statement<[string, string, string | null, string | null, string]>;
  private readonly deleteAll: Statement<[string]>;
  private readonly remember: Statement<[string, string]>;
  private readonly namesOf: Statement<[string], NameRow>;

  constructor(private readonly db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS person_names (
        person_id TEXT NOT NULL, name TEXT NOT NULL, valid_from TEXT, valid_to TEXT, source TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS person_names_by_person ON person_names (person_id);
      CREATE TABLE IF NOT EXISTS person_erasures (person_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL) WITHOUT ROWID;
    `);
    this.erased = db.prepare('SELECT person_id FROM person_erasures WHERE person_id = ?');
    this.deleteFromSource = db.prepare('DELETE FROM person_names WHERE person_id = ? AND source = ?');
    this.insert = db.prepare('INSERT INTO person_names (person_id, name, valid_from, valid_to, source) VALUES (?, ?, ?, ?, ?)');
    this.deleteAll = db.prepare('DELETE FROM person_names WHERE person_id = ?');
    this.remember = db.prepare('INSERT INTO person_erasures (person_id, erased_at) VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING');
    this.namesOf = db.prepare('SELECT person_id, name, valid_from, valid_to FROM person_names WHERE person_id = ?');
  }

  async recordNames(personId: string, source: string, names: readonly PersonName[]): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.erased.get(personId)) return false;
      this.deleteFromSource.run(personId, source);
      for (const n of names) this.insert.run(personId, n.name, n.from ?? null, n.until ?? null, source);
      return true;
    })();
  }

  async namesOn(personIds: readonly string[], on: CalendarDate): Promise<ReadonlyMap<string, string>> {
    const names = new Map<string, string>();
    for (const personId of new Set(personIds)) {
      const name = nameOn(this.namesOf.all(personId), on);
      if (name !== undefined) names.set(personId, name);
    }
    return names;
  }

  async erase(personId: string, erasedAt: Date): Promise<number> {
    return this.db.transaction(() => {
      this.remember.run(personId, erasedAt.toISOString());
      return this.deleteAll.run(personId).changes;
    })();
  }
}

/** The name in force on `on`; failing that the latest that ended before it; failing that the earliest after it. */
function nameOn(rows: readonly NameRow[], on: string): string | undefined {
  const inForce = rows.find((r) => (r.valid_from === null || r.valid_from <= on) && (r.valid_to === null || on < r.valid_to));
  if (inForce) return inForce.name;
  const before = rows.filter((r) => r.valid_to !== null && r.valid_to <= on).sort((a, b) => (a.valid_to! < b.valid_to! ? 1 : -1));
  if (before.length > 0) return before[0].name;
  const after = rows.filter((r) => r.valid_from !== null && r.valid_from > on).sort((a, b) => (a.valid_from! < b.valid_from! ? -1 : 1));
  return after[0]?.name;
}
