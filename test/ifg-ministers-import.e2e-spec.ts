import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../apps/cli/src/main';
import { REPO_ROOT, startApi, tempDatabase, type TempDatabase } from './support/api-harness';
import { captureCliOutput, runQuietly } from './support/cli-output';
import { expectFieldError } from './support/fixtures';

const IFG_DIR = join(REPO_ROOT, '..', 'shared', 'data', 'ifg-ministers');

/** The IfG Ministers Database imported once through the CLI, then read through `holders`, `structure` and GET /holders. */
describe('orgchange import ifg-ministers, holders, structure, and GET /holders', () => {
  let database: TempDatabase;
  let firstReport: { eventsAppended: number; factsAppended: number; rowsRejected: number };
  const { printed, written, errors, clear } = captureCliOutput();
  const cli = (...args: string[]) => run([...args, '--db', database.file]);

  beforeAll(async () => {
    database = tempDatabase();
    firstReport = JSON.parse(await runQuietly(['import', 'ifg-ministers', '--dir', IFG_DIR, '--db', database.file]));
  }, 120_000);
  afterAll(() => database.remove());

  it('appends nothing when run again, and reports the same rejected rows', async () => {
    expect(await cli('import', 'ifg-ministers', '--dir', IFG_DIR)).toBe(0);

    expect(JSON.parse(printed())).toMatchObject({ source: 'ifg-ministers', eventsAppended: 0, factsAppended: 0, rowsRejected: firstReport.rowsRejected });
    expect(firstReport.eventsAppended).toBeGreaterThan(firstReport.factsAppended);
  }, 60_000);

  it('holders --format json prints one array: the Secretary of State for Health the day before and the day of the 2012 reshuffle', async () => {
    expect(await cli('holders', '--title', 'Secretary of State for Health', '--at', '2012-09-03', '--format', 'json')).toBe(0);
    const before = JSON.parse(printed());
    clear();
    expect(await cli('holders', '--title', 'Secretary of State for Health', '--at', '2012-09-04', '--format', 'json')).toBe(0);
    const after = JSON.parse(printed());

    expect(before).toEqual([expect.objectContaining({ name: 'Andrew Lansley', title: 'Secretary of State for Health', organisation: 'Department of Health', from: '2010-05-12', to: '2012-09-04' })]);
    expect(after).toEqual([expect.objectContaining({ name: 'Jeremy Hunt', organisation: 'Department of Health', from: '2012-09-04', to: '2018-01-08' })]);
  });

  it('holders --format csv has a header row and one line per holder', async () => {
    expect(await cli('holders', '--title', 'secretary of state for health', '--at', '2012-09-01')).toBe(0);

    const [header, ...lines] = written().trim().split('\n');
    expect(header).toBe('name,title,organisation,from,to,kind,personId,postId,organisationId,organisationCode');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Andrew Lansley,Secretary of State for Health,Department of Health,2010-05-12,2012-09-04,substantive,ifg-person-/);
  });

  it('holders refuses a date that does not exist, naming --at', async () => {
    expect(await cli('holders', '--title', 'Home Secretary', '--at', '2012-02-30')).toBe(2);
    expect(errors()).toContain('--at must be a real calendar date');
  });

  it('structure of a department shows its ministers by name on the date', async () => {
    expect(await cli('structure', '--org', 'DH', '--at', '2012-09-01')).toBe(0);

    expect(printed()).toMatch(/^Department of Health \(ifg-org-[0-9a-f-]+, DH\) on 2012-09-01/);
    expect(printed()).toMatch(/- Secretary of State for Health \(ifg-post-[0-9a-f-]+\): Andrew Lansley <ifg-person-[0-9a-f-]+> \(substantive\)/);
  });

  it('refuses a directory whose files lack the IfG columns, appending nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgchange-ifg-bad-'));
    try {
      cpSync(IFG_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'appointment.csv'), 'id,person,post\n1,2,3\n');
      const other = tempDatabase();
      try {
        expect(await run(['import', 'ifg-ministers', '--dir', dir, '--db', other.file])).toBe(1);
        expect(errors()).toContain('orgchange: appointment.csv lacks the column(s) person_id, post_id, start_date, end_date');
        expect(errors()).not.toContain('unexpected error');
        expect(await run(['log', '--count', '--db', other.file])).toBe(0);
        expect(printed().trim()).toBe('0');
      } finally {
        other.remove();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GET /holders answers with names; a bad date is a 400 naming the field', async () => {
    const api = await startApi({ database });
    try {
      const res = await api.http.get('/holders').query({ title: 'Secretary of State for Health', at: '2012-09-04' });
      expect(res.status).toBe(200);
      expect(res.body.holders).toEqual([expect.objectContaining({ name: 'Jeremy Hunt', organisation: 'Department of Health', from: '2012-09-04', to: '2018-01-08' })]);

      expectFieldError(await api.http.get('/holders').query({ title: 'Secretary of State for Health', at: '2012-02-30' }), 'at');
      expectFieldError(await api.http.get('/holders').query({ at: '2012-09-04' }), 'title');
    } finally {
      await api.close();
    }
  });

  it('GET /organisations/:code/structure names each minister from the person directory', async () => {
    const api = await startApi({ database });
    try {
      const res = await api.http.get('/organisations/DH/structure').query({ at: '2012-09-01' });
      expect(res.status).toBe(200);
      const holders = res.body.units.flatMap((u: { posts: { title: string; holders: { name: string | null }[] }[] }) => u.posts.filter((p) => p.title === 'Secretary of State for Health').flatMap((p) => p.holders));
      expect(holders.map((h: { name: string | null }) => h.name)).toEqual(['Andrew Lansley']);
    } finally {
      await api.close();
    }
  });
});
