import type { CalendarDate } from '@orgchange/domain';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PostgresPersonDirectory } from './postgres-person-directory';

/** The server: `DATABASE_URL`, else the one on this machine (the event store's suites use the same rule). */
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const d = (value: string) => value as CalendarDate;

describe('PostgresPersonDirectory', () => {
  const schema = `oc_people_${process.pid}_${randomBytes(4).toString('hex')}`;
  let directory: PostgresPersonDirectory;
  let sql: Client;

  beforeAll(async () => {
    directory = await PostgresPersonDirectory.open({ url: URL, schema });
    sql = new Client({ connectionString: URL });
    await sql.connect();
  });
  afterAll(async () => {
    await directory?.close();
    await sql?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql?.end();
  });

  it('seals names (nothing in the clear in its tables) and reads the name in force on a date', async () => {
    await directory.recordNames('p-1', 'ifg', [{ name: 'Peter Mandelson', until: d('2008-10-03') }, { name: 'Lord Mandelson', from: d('2008-10-03') }]);

    expect((await directory.namesOn(['p-1', 'unknown'], d('2008-10-02'))).get('p-1')).toBe('Peter Mandelson');
    expect([...(await directory.namesOn(['p-1', 'unknown'], d('2008-10-03')))]).toEqual([['p-1', 'Lord Mandelson']]);
    const { rows } = await sql.query(`SELECT encode(ciphertext, 'escape') AS text FROM ${schema}.person_records`);
    expect(rows.map((r) => r.text).join()).not.toContain('Mandelson');
  });

  it('replaces a source’s names on a re-import', async () => {
    await directory.recordNames('p-2', 'ifg', [{ name: 'First' }]);
    await directory.recordNames('p-2', 'ifg', [{ name: 'Second' }]);
    expect((await directory.namesOn(['p-2'], d('2020-01-01'))).get('p-2')).toBe('Second');
    expect((await sql.query(`SELECT count(*)::int AS n FROM ${schema}.person_records WHERE person_id = 'p-2'`)).rows[0].n).toBe(1);
  });

  it('erases for good: key and records gone, reported as erased, a re-import refused; others untouched', async () => {
    await directory.recordNames('p-3', 'ifg', [{ name: 'To Be Erased' }]);

    expect(await directory.erase('p-3', new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect((await sql.query(`SELECT count(*)::int AS n FROM ${schema}.person_keys WHERE person_id = 'p-3'`)).rows[0].n).toBe(0);
    expect((await sql.query(`SELECT count(*)::int AS n FROM ${schema}.person_records WHERE person_id = 'p-3'`)).rows[0].n).toBe(0);
    expect([...(await directory.erasedAmong(['p-1', 'p-3']))]).toEqual(['p-3']);
    expect(await directory.recordNames('p-3', 'ifg', [{ name: 'Back Again' }])).toBe(false);
    expect((await directory.namesOn(['p-1', 'p-3'], d('2020-01-01'))).has('p-3')).toBe(false);
    expect((await directory.namesOn(['p-1'], d('2020-01-01'))).get('p-1')).toBe('Lord Mandelson');
  });

  it('lets an erasure and a concurrent import of the same person end erased, never with a live key', async () => {
    await Promise.all([directory.erase('p-4', new Date()), directory.recordNames('p-4', 'ifg', [{ name: 'Racing' }])]);
    expect((await directory.namesOn(['p-4'], d('2020-01-01'))).has('p-4')).toBe(false);
    expect((await sql.query(`SELECT count(*)::int AS n FROM ${schema}.person_keys WHERE person_id = 'p-4'`)).rows[0].n).toBe(0);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(PostgresPersonDirectory.open({ url: URL, schema: 'x; DROP TABLE y' })).rejects.toThrow(/plain lower-case name/);
  });
});
