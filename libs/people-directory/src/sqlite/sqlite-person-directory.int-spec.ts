import Database from 'better-sqlite3';
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
      expect(db.prepare('SELECT count(*) AS n FROM person_names').get()).toEqual({ n: 1 });
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
  });

  it('leaves out people it has no name for', async () => {
    expect([...(await directory.namesOn(['p-1', 'unknown'], d('2010-01-01'))).keys()]).toEqual(['p-1']);
  });
});
