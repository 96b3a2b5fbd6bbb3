import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../apps/cli/src/main';
import { REPO_ROOT, startApi, tempDatabase, type TempDatabase } from './support/api-harness';
import { captureCliOutput, runQuietly } from './support/cli-output';
import { expectFieldError } from './support/fixtures';

const ODS_DIR = join(REPO_ROOT, '..', 'shared', 'data', 'nhs-ods');

/** The NHS ODS extracts imported once through the CLI, then read through the CLI and the API. */
describe('orgchange import nhs-ods, units, lineage, and the directory endpoints', () => {
  let database: TempDatabase;
  let firstReport: { eventsAppended: number; factsAppended: number; rowsRejected: number };
  const { printed, written, errors } = captureCliOutput();
  const cli = (...args: string[]) => run([...args, '--db', database.file]);

  beforeAll(async () => {
    database = tempDatabase();
    firstReport = JSON.parse(await runQuietly(['import', 'nhs-ods', '--dir', ODS_DIR, '--db', database.file]));
  }, 120_000);
  afterAll(() => database.remove());

  it('reports what the first import appended and rejected', () => {
    expect(firstReport).toMatchObject({ source: 'nhs-ods', totalRowsRead: 74255, factsAlreadyImported: 0 });
    expect(firstReport.eventsAppended).toBeGreaterThan(firstReport.factsAppended);
  });

  it('appends nothing when run again, and says so', async () => {
    expect(await cli('import', 'nhs-ods', '--dir', ODS_DIR)).toBe(0);

    const report = JSON.parse(printed());
    expect(report).toMatchObject({ eventsAppended: 0, factsAppended: 0, factsAlreadyImported: firstReport.factsAppended, rowsRejected: firstReport.rowsRejected });
  }, 60_000);

  it('exits 1 naming the missing files and creates nothing when the directory lacks them', async () => {
    const elsewhere = tempDatabase();
    try {
      expect(await run(['import', 'nhs-ods', '--dir', REPO_ROOT, '--db', elsewhere.file])).toBe(1);

      expect(errors()).toContain('lacks eccg.csv, etr.csv, epraccur.csv, epcmem.csv, succ.csv');
      expect(existsSync(elsewhere.file)).toBe(false);
    } finally {
      elsewhere.remove();
    }
  });

  it('prints the CCGs open on 2013-04-01 as one JSON array of organisation objects', async () => {
    expect(await cli('units', '--type', 'ccg', '--at', '2013-04-01', '--format', 'json')).toBe(0);

    const ccgs = JSON.parse(printed());
    expect(ccgs).toHaveLength(211);
    expect(ccgs[0]).toEqual({ organisationId: 'ods-00C', code: '00C', name: 'NHS DARLINGTON CCG', kind: 'ccg', openedOn: '2013-04-01', closedOn: '2020-03-31' });
  });

  it('prints the lineage of RW6 as CSV: its two successors from 2021-10-01', async () => {
    expect(await cli('lineage', '--code', 'RW6')).toBe(0);

    const lines = written().trim().split('\n');
    expect(lines[0]).toBe('relation,generation,code,name,kind,openedOn,closedOn,change,effectiveFrom,linkedTo,reason,organisationId');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['successor,1,R0A', 'successor,1,RM3']);
  });

  it('exits 1 naming --code for an unknown code', async () => {
    expect(await cli('lineage', '--code', 'NOPE1')).toBe(1);

    expect(errors()).toContain('--code: no organisation has id or code NOPE1');
  });

  describe('through the API', () => {
    it('GET /directory?kind=ccg&at=2021-04-01 lists 106 CCGs; a bad kind is a 400 naming kind', async () => {
      const api = await startApi({ database });
      try {
        const res = await api.http.get('/directory').query({ kind: 'ccg', at: '2021-04-01' });
        expect(res.status).toBe(200);
        expect(res.body).toHaveLength(106);

        expectFieldError(await api.http.get('/directory').query({ kind: 'hospital' }), 'kind');
        expectFieldError(await api.http.get('/directory').query({ at: '2021-02-30' }), 'at');
      } finally {
        await api.close();
      }
    });

    it('GET /organisations/RW6/lineage gives its successors; an unknown code is a 404', async () => {
      const api = await startApi({ database });
      try {
        const res = await api.http.get('/organisations/RW6/lineage');
        expect(res.status).toBe(200);
        expect(res.body.lineage.map((l: { code: string; relation: string }) => `${l.relation} ${l.code}`)).toEqual(['successor R0A', 'successor RM3']);

        expect((await api.http.get('/organisations/NOPE1/lineage')).status).toBe(404);
      } finally {
        await api.close();
      }
    });
  });
});
