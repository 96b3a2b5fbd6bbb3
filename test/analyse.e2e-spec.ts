import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, startApiWithDemo, tempDatabase, type TempDatabase } from './support/api-harness';

type Outcome = { code: number; stdout: string; stderr: string };

/** Runs the compiled CLI: vega is an ES module with top-level await, which only Node's own import() loads, not jest's. */
async function orgchange(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin/orgchange.js'), ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const csvLines = (dir: string) => readFileSync(join(dir, 'metrics.csv'), 'utf8').trim().split('\n');

/** Given the Northvale demo history (2015–2022) in a SQLite file. */
describe('orgchange analyse and chart', () => {
  let database: TempDatabase;
  let out: string;

  beforeAll(async () => {
    database = tempDatabase();
    const api = await startApiWithDemo({ database });
    await api.close();
    out = join(database.file, '..', 'out');
  }, 60_000);
  afterAll(() => database.remove());

  it('analyse writes tidy CSV and a JSON summary, reading --db from ORGCHANGE_DB', async () => {
    const result = await orgchange(['analyse', '--from', '2018-01-01', '--to', '2020-12-31', '--every', 'year', '--metrics', 'open-units,acting-share,restructures', '--min-group', '1', '--out', out], { ORGCHANGE_DB: database.file });

    expect(result.code).toBe(0);
    const [header, ...rows] = csvLines(out);
    expect(header).toBe('period_start,period_end,group,metric,value,suppressed');
    expect(rows.filter((r) => r.includes(',open-units,')).map((r) => r.split(',').slice(0, 3).join(','))).toEqual(['2018-01-01,2018-12-31,all', '2019-01-01,2019-12-31,all', '2020-01-01,2020-12-31,all']);
    expect(rows.find((r) => r.startsWith('2019-01-01') && r.includes('restructures.unit-merge'))).toBe('2019-01-01,2019-12-31,all,restructures.unit-merge,1,false');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ inputs: { db: database.file, every: 'year', minGroup: 1 }, rowsWritten: rows.length, eventsRead: 2 * summary.eventsInLog });
    expect(Object.keys(summary.metricDefinitions)).toEqual(['open-units', 'restructures', 'acting-share']);
  }, 60_000);

  it('analyse with the default --min-group suppresses the people metrics of the one small trust', async () => {
    expect((await orgchange(['analyse', '--db', database.file, '--from', '2020-01-01', '--to', '2020-12-31', '--every', 'year', '--by', 'organisation', '--metrics', 'tenure', '--min-group', '1000', '--out', out])).code).toBe(0);

    expect(csvLines(out).slice(1).every((r) => r.endsWith(',,true'))).toBe(true);
  }, 60_000);

  it('chart draws an SVG line chart with one series per organisation', async () => {
    const file = join(out, 'units.svg');
    const result = await orgchange(['chart', 'open-units', '--db', database.file, '--from', '2015-01-01', '--to', '2022-12-31', '--by', 'organisation', '--out', file]);

    expect(result.code).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(['mark-line', 'series: northvale-ft', 'series: brookfield-community'].filter((part) => !svg.includes(part))).toEqual([]);
  }, 60_000);

  it('chart draws only the groups named by --groups, and exits 1 naming --groups when none of them has rows', async () => {
    const file = join(out, 'one.svg');
    expect((await orgchange(['chart', 'open-units', '--db', database.file, '--from', '2015-01-01', '--to', '2022-12-31', '--by', 'organisation', '--groups', 'northvale-ft', '--out', file])).code).toBe(0);

    const svg = readFileSync(file, 'utf8');
    expect([svg.includes('series: northvale-ft'), svg.includes('series: brookfield-community')]).toEqual([true, false]);
    const none = await orgchange(['chart', 'open-units', '--db', database.file, '--from', '2015-01-01', '--to', '2022-12-31', '--by', 'organisation', '--groups', 'nowhere', '--out', file]);
    expect([none.code, none.stderr.includes('--groups')]).toEqual([1, true]);
  }, 60_000);

  it('chart draws a PNG', async () => {
    const file = join(out, 'units.png');
    expect((await orgchange(['chart', 'restructures.unit-merge', '--db', database.file, '--from', '2015-01-01', '--to', '2022-12-31', '--every', 'year', '--out', file])).code).toBe(0);

    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  }, 60_000);

  it.each([
    [['analyse', '--from', '2020-02-30', '--to', '2020-12-31', '--every', 'year', '--metrics', 'layers'], '--from'],
    [['analyse', '--from', '2021-01-01', '--to', '2020-12-31', '--every', 'year', '--metrics', 'layers'], '--from'],
    [['analyse', '--from', '2020-01-01', '--to', '2020-12-31', '--every', 'year', '--metrics', 'layers,headcount'], '--metrics'],
    [['analyse', '--from', '2020-01-01', '--to', '2020-12-31', '--every', 'fortnight', '--metrics', 'layers'], '--every'],
    [['analyse', '--from', '2020-01-01', '--to', '2020-12-31', '--every', 'year', '--metrics', 'layers', '--known-at', '2020-01-01'], '--known-at'],
    [['chart', 'headcount', '--from', '2020-01-01', '--to', '2020-12-31'], '<metric>'],
  ])('refuses %j with exit code 2, naming %s', async (args, option) => {
    const result = await orgchange([...args, '--db', database.file, ...(args[0] === 'chart' ? ['--out', join(out, 'x.svg')] : ['--out', out])]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(option);
  }, 60_000);

  it('refuses an --out directory it cannot write to', async () => {
    const file = join(out, 'a-file');
    writeFileSync(file, '');
    const result = await orgchange(['analyse', '--db', database.file, '--from', '2020-01-01', '--to', '2020-12-31', '--every', 'year', '--metrics', 'layers', '--out', join(file, 'below')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out');
  }, 60_000);

  it('refuses a chart file that is neither .svg nor .png', async () => {
    const result = await orgchange(['chart', 'layers', '--db', database.file, '--from', '2020-01-01', '--to', '2020-12-31', '--out', join(out, 'chart.pdf')]);

    expect([result.code, result.stderr.includes('--out')]).toEqual([2, true]);
  }, 60_000);

  it('exits 1 when the database is missing', async () =>
    expect((await orgchange(['analyse', '--db', join(out, 'none.sqlite'), '--from', '2020-01-01', '--to', '2020-12-31', '--every', 'year', '--metrics', 'layers', '--out', out])).code).toBe(1), 60_000);
});
