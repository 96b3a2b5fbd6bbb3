import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore } from '@orgchange/event-store';
import { run } from '../apps/cli/src/main';
import { startApiWithDemo, tempDatabase, type TempDatabase } from './support/api-harness';

/**
 * Given the demo history written through the API, then (with no projector running) three events appended
 * straight to the file after T: a vacant post in the neighbourhood team, a rename of that team, and an old
 * trust ZZ3 open 2000-04-01 and closed from 2015-04-01.
 */
describe('orgchange structure, diff, timeline, units and projections', () => {
  let database: TempDatabase;
  let T: string;
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;
  const printed = () => out.mock.calls.map((call) => String(call[0]));
  const written = () => stdout.mock.calls.map((call) => String(call[0])).join('');
  const errors = () => [...err.mock.calls, ...stderr.mock.calls].map((call) => String(call[0])).join('\n');
  const json = () => JSON.parse(printed().join('\n'));
  const cli = (...args: string[]) => run([...args, '--db', database.file]);

  beforeAll(async () => {
    database = tempDatabase();
    const api = await startApiWithDemo({ database });
    await api.close();
    const store = new SqliteEventStore({ file: database.file });
    try {
      const events = await store.readAll({ after: BigInt((await store.count()) - 1) });
      T = events[0].recordedAt;
      while (new Date().toISOString() <= T) await new Promise((resolve) => setTimeout(resolve, 1));
      const append = (streamId: string, type: string, data: Record<string, unknown>) =>
        store.append(streamId, [{ eventId: randomUUID(), type, version: 1, data, metadata: { actor: 'spec', correlationId: 'cli' } }], { expectedVersion: 'any' });
      await append('post-int-lead-deputy', 'PostCreated', { postId: 'int-lead-deputy', organisationId: 'northvale-ft', unitId: 'int-east', title: 'Deputy Team Lead', family: 'nursing-leadership', grade: 'AfC 7', maxHolders: 1, effectiveFrom: '2021-07-01' });
      await append('organisation-northvale-ft', 'UnitRenamed', { organisationId: 'northvale-ft', unitId: 'int-east', name: 'East Neighbourhood Team', effectiveFrom: '2023-01-01' });
      await append('organisation-old-trust', 'OrganisationEstablished', { organisationId: 'old-trust', name: 'Old Trust', kind: 'nhs-trust', externalCode: 'ZZ3', effectiveFrom: '2000-04-01' });
      await append('organisation-old-trust', 'OrganisationClosed', { organisationId: 'old-trust', effectiveFrom: '2015-04-01' });
    } finally {
      await store.close();
    }
  });
  afterAll(() => {
    database.remove();
  });
  beforeEach(() => {
    out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('structure', () => {
    it('prints the 2018 tree: units with posts, holders with their kind, the acting clinical director marked', async () => {
      expect(await cli('structure', '--org', 'ZZ1', '--at', '2018-01-01')).toBe(0);

      const lines = printed();
      expect(lines[0]).toMatch(/^Northvale Hospitals NHS Foundation Trust \(northvale-ft, ZZ1\) on 2018-01-01, as known at /);
      expect(lines).toContain('  Division of Medicine [div-medicine, division]');
      expect(lines).toContain('    - Clinical Director (med) (cd-med): p-cd-med (substantive); p-cons-cardio [acting] covering p-cd-med');
      expect(lines).toContain('    Emergency Medicine [dir-emergency, directorate]');
      expect(lines.join('\n')).not.toContain('div-medicine-surgery');
    });

    it('catches the read model up first: events appended with no projector running are shown (a vacancy, a rename)', async () => {
      expect(await cli('structure', '--org', 'northvale-ft', '--at', '2023-06-01')).toBe(0);

      expect(printed()).toContain('    East Neighbourhood Team [int-east, neighbourhood-team] with northvale-council');
      expect(printed()).toContain('      - Deputy Team Lead (int-lead-deputy): VACANT');
    });

    it('--known-at T hides what was recorded after T; --format json prints the structure', async () => {
      expect(await cli('structure', '--org', 'northvale-ft', '--at', '2023-06-01', '--known-at', T, '--format', 'json')).toBe(0);

      const view = json();
      expect(view.knownAt).toBe(T);
      expect(JSON.stringify(view)).toContain('Northvale East Integrated Neighbourhood Team');
      expect(JSON.stringify(view)).not.toContain('int-lead-deputy');
    });

    it.each([
      ['--at', ['--at', '2018-02-30']],
      ['--known-at', ['--known-at', '2018-01-01']],
    ])('exits 2 naming %s when its value is malformed', async (option, args) => {
      expect(await cli('structure', '--org', 'ZZ1', ...args)).toBe(2);

      expect(errors()).toContain(option);
      expect(printed()).toEqual([]);
    });

    it('exits 2 naming --org when it is missing, and 1 naming it when no organisation has that id or code', async () => {
      expect(await cli('structure')).toBe(2);
      expect(errors()).toContain('--org');

      expect(await cli('structure', '--org', 'ZZ9')).toBe(1);
      expect(errors()).toContain('--org: no organisation has id or code ZZ9');
    });
  });

  describe('diff', () => {
    it('prints the merger as a patch: divisions removed and added, directorates moved, holders re-appointed', async () => {
      expect(await cli('diff', '--org', 'northvale-ft', '--from', '2018-01-01', '--to', '2020-01-01')).toBe(0);

      const lines = printed();
      expect(lines[0]).toMatch(/^northvale-ft: 2018-01-01 as known at .+ → 2020-01-01 as known at /);
      expect(lines).toEqual(expect.arrayContaining([
        '- unit div-medicine "Division of Medicine" (division)',
        '- unit div-surgery "Division of Surgery" (division)',
        '+ unit div-medicine-surgery "Division of Medicine and Surgery" (division) under (top level)',
        '~ unit dir-emergency moved div-medicine → div-medicine-surgery',
        '+ holder p-cd-med appointed to cd-medsurg (substantive)',
        '- holder p-cons-cardio left cd-med (acting)',
      ]));
    });

    it('--from-known-at T on one date shows what was recorded since T, as json', async () => {
      expect(await cli('diff', '--org', 'ZZ1', '--from', '2023-06-01', '--to', '2023-06-01', '--from-known-at', T, '--format', 'json')).toBe(0);

      const view = json();
      expect(view.units.renamed).toEqual([{ unitId: 'int-east', fromName: 'Northvale East Integrated Neighbourhood Team', toName: 'East Neighbourhood Team' }]);
      expect(view.posts.created).toEqual([{ postId: 'int-lead-deputy', unitId: 'int-east', title: 'Deputy Team Lead' }]);
    });

    it('exits 2 naming --to when it is missing or malformed', async () => {
      expect(await cli('diff', '--org', 'ZZ1', '--from', '2018-01-01')).toBe(2);
      expect(errors()).toContain('--to');
      expect(await cli('diff', '--org', 'ZZ1', '--from', '2018-01-01', '--to', '20200101')).toBe(2);
      expect(errors()).toContain('--to must be a real calendar date');
    });
  });

  describe('timeline', () => {
    it('--person p-cd-med prints both holdings and one unbroken clinical-director spell', async () => {
      expect(await cli('timeline', '--person', 'p-cd-med')).toBe(0);

      const lines = printed();
      expect(lines.slice(lines.indexOf('tenure:'))).toEqual(['tenure:', '  2015-04-01 → …  clinical-director: cd-med → cd-medsurg']);
      expect(lines).toContain('  2015-04-01 → 2019-04-01  Clinical Director (med) (cd-med, substantive) in Division of Medicine, Northvale Hospitals NHS Foundation Trust');
    });

    it('--post cd-med --format json prints the post’s versions and holders', async () => {
      expect(await cli('timeline', '--post', 'cd-med', '--format', 'json')).toBe(0);

      expect(json()).toMatchObject({ postId: 'cd-med', abolishedOn: '2019-04-01', holders: [{ personId: 'p-cd-med' }, { personId: 'p-cons-cardio', kind: 'acting' }] });
    });

    it('--unit prints the lineage: div-medicine’s successor, the team’s rename, the community service’s transfer', async () => {
      expect(await cli('timeline', '--unit', 'div-medicine')).toBe(0);
      expect(await cli('timeline', '--unit', 'int-east')).toBe(0);
      expect(await cli('timeline', '--unit', 'community-nursing')).toBe(0);

      expect(printed()).toEqual(expect.arrayContaining([
        'successor div-medicine-surgery "Division of Medicine and Surgery": div-medicine merged into it on 2019-04-01',
        'renamed 2023-01-01: "Northvale East Integrated Neighbourhood Team" → "East Neighbourhood Team"',
        'transferred 2020-10-01: brookfield-community → northvale-ft',
      ]));
    });

    it('exits 2 unless exactly one of --post, --person, --unit is given', async () => {
      expect(await cli('timeline')).toBe(2);
      expect(errors()).toContain('give exactly one of --post, --person or --unit');
      expect(await cli('timeline', '--post', 'cd-med', '--unit', 'div-medicine')).toBe(2);
      expect(errors()).toContain('not --post and --unit');
    });

    it('exits 1 naming --post when there is no such post', async () => {
      expect(await cli('timeline', '--post', 'no-such-post')).toBe(1);

      expect(errors()).toContain('--post: no post no-such-post');
    });
  });

  describe('units', () => {
    it('prints the NHS trusts open on a date as CSV, closedOn being the last day open', async () => {
      expect(await cli('units', '--type', 'nhs-trust', '--at', '2015-03-31', '--format', 'csv')).toBe(0);

      expect(written().trim().split('\n')).toEqual([
        'organisationId,code,name,kind,openedOn,closedOn',
        'brookfield-community,ZZ2,Brookfield Community Health NHS Trust,nhs-trust,2011-04-01,',
        'old-trust,ZZ3,Old Trust,nhs-trust,2000-04-01,2015-03-31',
      ]);
    });

    it('leaves a closed trust out from its first closed day, and prints JSON on request', async () => {
      expect(await cli('units', '--type', 'nhs-trust', '--at', '2015-04-01', '--format', 'json')).toBe(0);

      expect(json()).toEqual([{ organisationId: 'brookfield-community', code: 'ZZ2', name: 'Brookfield Community Health NHS Trust', kind: 'nhs-trust', openedOn: '2011-04-01', closedOn: null }]);
    });

    it('exits 2 naming --type for an unknown kind', async () => {
      expect(await cli('units', '--type', 'hospital')).toBe(2);

      expect(errors()).toContain("option '--type <kind>' argument 'hospital' is invalid");
    });
  });

  describe('help and missing database', () => {
    it.each([
      ['structure', ['--org', '--at', '--known-at', '--format', '--db']],
      ['diff', ['--org', '--from', '--to', '--known-at', '--from-known-at', '--to-known-at', '--format']],
      ['timeline', ['--post', '--person', '--unit', '--known-at', '--format']],
      ['units', ['--type', '--at', '--known-at', '--format']],
    ])('%s --help prints its options and exits 0', async (verb, options) => {
      expect(await run([verb, '--help'])).toBe(0);

      expect(written()).toContain(`Usage: orgchange ${verb}`);
      for (const option of options) expect(written()).toContain(option);
    });

    it('exits 1 when the database does not exist', async () => {
      const missing = join(database.file, '..', 'missing.sqlite');

      expect(await run(['structure', '--org', 'ZZ1', '--db', missing])).toBe(1);
      expect(errors()).toContain(`no database at ${missing}`);
    });
  });

  describe('projections rebuild', () => {
    it('--help names the verb', async () => {
      expect(await run(['projections', 'rebuild', '--help'])).toBe(0);

      expect(written()).toContain('Usage: orgchange projections rebuild');
    });

    it('rebuilds the read model from the whole log and prints one line with the events and events/s', async () => {
      expect(await cli('projections', 'rebuild')).toBe(0);

      expect(printed()).toEqual([expect.stringMatching(/^rebuilt the leadership read model: \d+ events, \d+ events\/s$/)]);
      out.mockClear();
      expect(await cli('timeline', '--person', 'p-cd-med', '--format', 'json')).toBe(0);
      expect(json().tenure).toHaveLength(1);
    });

    it('is refused, exit 1, while another live process is rebuilding the same file, and the claim is left to it', async () => {
      const db = new Database(database.file);
      try {
        // This test's own process stands for the live rebuild that holds the claim.
        db.prepare('INSERT INTO projection_rebuild_claim (id, token, host, pid, started_at, renewed_at) VALUES (1, ?, ?, ?, ?, ?)').run('other', hostname(), process.pid, '2026-11-30T12:00:00.000Z', Date.now());
        expect(await cli('projections', 'rebuild')).toBe(1);

        expect(errors()).toContain(`another rebuild of this read model is running (process ${process.pid} on ${hostname()}, started 2026-11-30T12:00:00.000Z)`);
        expect(db.prepare('SELECT token FROM projection_rebuild_claim').pluck().all()).toEqual(['other']);
      } finally {
        db.prepare('DELETE FROM projection_rebuild_claim').run();
        db.close();
      }
    });
  });
});
