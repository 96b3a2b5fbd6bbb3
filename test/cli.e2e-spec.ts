import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../apps/cli/src/main';
import { REPO_ROOT, startApi, tempDatabase, type TempDatabase } from './support/api-harness';
import { establishOrganisation, establishUnit, given } from './support/fixtures';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const EVENTS = 5;

/** Given a database of five events (an organisation, three units, a correction) written through the API. */
describe('orgchange log', () => {
  let database: TempDatabase;
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  const printed = () => out.mock.calls.map((call) => String(call[0]));
  const errors = () => err.mock.calls.map((call) => String(call[0])).join('\n');

  beforeAll(async () => {
    database = tempDatabase();
    const api = await startApi({ database });
    try {
      const { events } = await establishOrganisation(api, 'trust', '2012-04-01');
      for (const unitId of ['div-a', 'div-b', 'div-c']) await establishUnit(api, 'trust', unitId);
      await given(api, `/events/${events[0].eventId}/correction`, { correctedData: { effectiveFrom: '2012-03-01' }, reason: 'earlier' });
      expect(await api.eventCount()).toBe(EVENTS);
    } finally {
      await api.close();
    }
  });
  afterAll(() => {
    database.remove();
  });
  beforeEach(() => {
    out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('--limit 2 prints a header and two rows in global order', async () => {
    expect(await run(['log', '--db', database.file, '--limit', '2'])).toBe(0);

    const [header, ...rows] = printed();
    expect(header.split('\t')).toEqual(['position', 'recordedAt', 'effectiveFrom', 'stream', 'type']);
    expect(rows.map((row) => row.split('\t'))).toEqual([
      ['1', expect.stringMatching(ISO_INSTANT), '2012-04-01', 'organisation-trust', 'OrganisationEstablished'],
      ['2', expect.stringMatching(ISO_INSTANT), '2015-04-01', 'organisation-trust', 'UnitEstablished'],
    ]);
  });

  it('shows "-" for an event without an effective date', async () => {
    expect(await run(['log', '--db', database.file, '--after', String(EVENTS - 1)])).toBe(0);

    expect(printed()[1].split('\t')).toEqual([String(EVENTS), expect.stringMatching(ISO_INSTANT), '-', 'organisation-trust', 'EventCorrected']);
  });

  it('--count prints only the number of events', async () => {
    expect(await run(['log', '--db', database.file, '--count'])).toBe(0);

    expect(printed()).toEqual([String(EVENTS)]);
  });

  it('--format json --after N prints one JSON object per event after N, with both times', async () => {
    expect(await run(['log', '--db', database.file, '--format', 'json', '--after', '2'])).toBe(0);

    const events = printed().map((line) => JSON.parse(line));
    expect(events.map((e) => e.globalPosition)).toEqual([3, 4, 5]);
    for (const e of events) expect(e.recordedAt).toMatch(ISO_INSTANT);
    expect(events.map((e) => e.effectiveFrom)).toEqual(['2015-04-01', '2015-04-01', null]);
  });

  it('reads the database named by ORGCHANGE_DB when --db is not given', async () => {
    const previous = process.env.ORGCHANGE_DB;
    process.env.ORGCHANGE_DB = database.file;
    try {
      expect(await run(['log', '--count'])).toBe(0);
    } finally {
      if (previous === undefined) delete process.env.ORGCHANGE_DB;
      else process.env.ORGCHANGE_DB = previous;
    }

    expect(printed()).toEqual([String(EVENTS)]);
  });

  it('--after x exits 2 with a message naming --after', async () => {
    expect(await run(['log', '--db', database.file, '--after', 'x'])).toBe(2);

    expect(errors()).toContain('--after');
    expect(printed()).toEqual([]);
  });

  it('a missing database exits 1 and says so', async () => {
    const missing = join(database.file, '..', 'missing.sqlite');

    expect(await run(['log', '--db', missing])).toBe(1);

    expect(errors()).toContain(`no database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });

  it('an option commander refuses (--format xml) exits 2 instead of ending the process', async () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

    expect(await run(['log', '--db', database.file, '--format', 'xml'])).toBe(2);

    expect(write.mock.calls.map((call) => String(call[0])).join('')).toContain("argument 'xml' is invalid");
  });

  it('log --help prints the options and exits 0', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);

    expect(await run(['log', '--help'])).toBe(0);

    const help = write.mock.calls.map((call) => String(call[0])).join('');
    expect(help).toContain('Usage: orgchange log');
    for (const option of ['--db', '--after', '--limit', '--format', '--count']) expect(help).toContain(option);
  });

  const compiled = join(REPO_ROOT, 'dist/apps/cli/src/main.js');
  const spawnTitle = 'bin/orgchange.js log --count --db <file> prints the count in a child process';
  (existsSync(compiled) ? it : it.skip)(existsSync(compiled) ? spawnTitle : `${spawnTitle} [skipped: ${compiled} is missing; run npm run build]`, async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin/orgchange.js'), 'log', '--count', '--db', database.file], {
      cwd: REPO_ROOT,
      timeout: 20_000,
    });

    expect(stdout).toBe(`${EVENTS}\n`);
    expect(stderr).toBe('');
  });
});
