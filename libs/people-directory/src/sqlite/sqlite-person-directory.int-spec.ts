import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarDate } from '@orgchange/domain';
import { SqlitePersonDirectory } from './sqlite-person-directory';

const d = (value: string) => value as CalendarDate;

describe('SqlitePersonDirectory', () => {
  let db: Database.Database;
  let directory: SqlitePersonDirectory;

  beforeEach(async () => {
    db = new Database(':memory:');
    directory = new SqlitePersonDirectory(db);
    await directory.recordNames('p-1', 'ifg', [
      { name: 'Peter Mandelson', until: d('2008-10-03') },
      { name: 'Lord Mandelson', from: d('2008-10-03') },
    ]);
  });
  afterEach(() => db.close());

  describe('given a person who changed name on 2008-10-03', () => {
    it('gives the name in force on each side of the change (the change day has the new name)', async () => {
      expect((await directory.namesOn(['p-1'], d('2008-10-02'))).get('p-1')).toBe('Peter Mandelson');
      expect((await directory.namesOn(['p-1'], d('2008-10-03'))).get('p-1')).toBe('Lord Mandelson');
    });

    it('recording the names again from the same source replaces them instead of adding copies', async () => {
      await directory.recordNames('p-1', 'ifg', [{ name: 'Lord Mandelson' }]);

      expect((await directory.namesOn(['p-1'], d('2000-01-01'))).get('p-1')).toBe('Lord Mandelson');
      expect(db.prepare('SELECT count(*) AS n FROM person_records').get()).toEqual({ n: 1 });
    });
  });

  describe('given names that do not cover the date', () => {
    it('falls back to the last name before the date, then to the first after it', async () => {
      await directory.recordNames('p-2', 'ifg', [{ name: 'Early', from: d('2000-01-01'), until: d('2001-01-01') }, { name: 'Late', from: d('2005-01-01'), until: d('2006-01-01') }]);

      expect((await directory.namesOn(['p-2'], d('2003-01-01'))).get('p-2')).toBe('Early');
      expect((await directory.namesOn(['p-2'], d('1990-01-01'))).get('p-2')).toBe('Early');
      expect((await directory.namesOn(['p-2'], d('2010-01-01'))).get('p-2')).toBe('Late');
    });
  });

  describe('given an erased person', () => {
    it('has no name any more, and a later import does not bring the name back', async () => {
      expect(await directory.erase('p-1', new Date('2026-01-01T00:00:00Z'))).toBe(2);

      expect(await directory.recordNames('p-1', 'ifg', [{ name: 'Lord Mandelson' }])).toBe(false);
      expect((await directory.namesOn(['p-1'], d('2010-01-01'))).has('p-1')).toBe(false);
    });

    it('keeps no key and no sealed record for them, and reports them as erased', async () => {
      await directory.recordNames('p-3', 'ifg', [{ name: 'Someone Else' }]);
      await directory.erase('p-1', new Date('2026-01-01T00:00:00Z'));

      expect(db.prepare("SELECT count(*) AS n FROM person_keys WHERE person_id = 'p-1'").get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT count(*) AS n FROM person_records WHERE person_id = 'p-1'").get()).toEqual({ n: 0 });
      expect([...(await directory.erasedAmong(['p-1', 'p-3', 'unknown']))]).toEqual(['p-1']);
      expect((await directory.namesOn(['p-3'], d('2010-01-01'))).get('p-3')).toBe('Someone Else');
    });
  });

  it('leaves out people it has no name for', async () => {
    expect([...(await directory.namesOn(['p-1', 'unknown'], d('2010-01-01'))).keys()]).toEqual(['p-1']);
  });
});

describe('SqlitePersonDirectory in a database file (WAL, as the event store opens it)', () => {
  let dir: string;
  let file: string;
  const bytesOnDisk = (db: Database.Database): string => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return ['', '-wal'].map((suffix) => { try { return readFileSync(file + suffix).toString('latin1'); } catch { return ''; } }).join('');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'people-directory-'));
    file = join(dir, 'people.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never writes a name in the clear', async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    await new SqlitePersonDirectory(db).recordNames('p-1', 'ifg', [{ name: 'Zebedee Quartermaine' }]);

    expect(bytesOnDisk(db)).not.toContain('Quartermaine');
    db.close();
  });

  it('seals names an older database kept in the clear, drops that table and zeroes its pages', async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE person_names (person_id TEXT NOT NULL, name TEXT NOT NULL, valid_from TEXT, valid_to TEXT, source TEXT NOT NULL)');
    db.prepare('INSERT INTO person_names VALUES (?, ?, ?, ?, ?)').run('p-9', 'Xanthippe Oldname', null, '2001-01-01', 'ifg');
    db.prepare('INSERT INTO person_names VALUES (?, ?, ?, ?, ?)').run('p-9', 'Xanthippe Newname', '2001-01-01', null, 'ifg');
    expect(bytesOnDisk(db)).toContain('Xanthippe');

    const directory = new SqlitePersonDirectory(db);

    expect((await directory.namesOn(['p-9'], d('2000-06-01'))).get('p-9')).toBe('Xanthippe Oldname');
    expect((await directory.namesOn(['p-9'], d('2002-06-01'))).get('p-9')).toBe('Xanthippe Newname');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'person_names'").get()).toBeUndefined();
    expect(bytesOnDisk(db)).not.toContain('Xanthippe');
    db.close();
  });

  it('cannot open a record once its key is destroyed, even from a copy of the sealed row', async () => {
    const db = new Database(file);
    const directory = new SqlitePersonDirectory(db);
    await directory.recordNames('p-1', 'ifg', [{ name: 'Kept Secret' }]);
    const copy = db.prepare("SELECT * FROM person_records WHERE person_id = 'p-1'").get();
    await directory.erase('p-1', new Date());

    db.prepare('INSERT INTO person_records (person_id, source, nonce, ciphertext, tag) VALUES (@person_id, @source, @nonce, @ciphertext, @tag)').run(copy as never);
    expect((await directory.namesOn(['p-1'], d('2010-01-01'))).has('p-1')).toBe(false);
    db.close();
  });
});
