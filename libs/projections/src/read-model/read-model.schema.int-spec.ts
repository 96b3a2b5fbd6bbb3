import Database from 'better-sqlite3';
import { migrateReadModel, READ_MODEL_MIGRATIONS } from './read-model.schema';

/** A read model as the version before the last migration left it. */
function readModelBeforeTheLastMigration(): Database.Database {
  const db = new Database(':memory:');
  for (const migration of READ_MODEL_MIGRATIONS.slice(0, -1)) db.exec(migration);
  db.prepare("INSERT INTO rm_checkpoint (projection, position) VALUES ('rm_schema_version', ?)").run(READ_MODEL_MIGRATIONS.length - 1);
  return db;
}

const row = (organisation: string, position: number) => [organisation, position, `event-${position}`, 'UnitEstablished', 'u1', '2020-01-01', '2020-01-02T00:00:00.000Z', `UnitEstablished: unitId=u${position}`];
const insertChange = 'INSERT OR IGNORE INTO rm_changes (organisation_id, global_position, event_id, type, subject_id, effective_from, recorded_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

describe('read model migrations', () => {
  it('given a change log kept in key order (WITHOUT ROWID), when migrated, then its rows are kept in a plain table whose unique key still ignores a row written twice', () => {
    const db = readModelBeforeTheLastMigration();
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'rm_changes'").pluck().get()).toMatch(/WITHOUT ROWID/);
    for (const [organisation, position] of [['o2', 7], ['o1', 9], ['o1', 3]] as const) db.prepare(insertChange).run(...row(organisation, position));

    migrateReadModel(db);

    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'rm_changes'").pluck().get()).not.toMatch(/WITHOUT ROWID/);
    expect(db.prepare('SELECT organisation_id, global_position, summary FROM rm_changes ORDER BY organisation_id, global_position').raw().all()).toEqual([
      ['o1', 3, 'UnitEstablished: unitId=u3'],
      ['o1', 9, 'UnitEstablished: unitId=u9'],
      ['o2', 7, 'UnitEstablished: unitId=u7'],
    ]);
    expect(db.prepare(insertChange).run(...row('o1', 9)).changes).toBe(0);
    expect(db.prepare("SELECT position FROM rm_checkpoint WHERE projection = 'rm_schema_version'").pluck().get()).toBe(READ_MODEL_MIGRATIONS.length);
    // The query index is there again after the table was replaced.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_changes' ORDER BY name").pluck().all()).toEqual(['rm_changes_by_date', 'rm_changes_key']);
  });

  it('given a read model already migrated, when migrated again, then nothing changes', () => {
    const db = new Database(':memory:');
    migrateReadModel(db);
    db.prepare(insertChange).run(...row('o1', 1));
    const schema = db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').raw().all();

    migrateReadModel(db);

    expect(db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').raw().all()).toEqual(schema);
    expect(db.prepare('SELECT count(*) FROM rm_changes').pluck().get()).toBe(1);
  });
});
