import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CalendarDate, eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';
import type { ImportReport } from '../shared/import-report';
import { importNhsOds } from './nhs-ods.importer';

/** The real NHS ODS extracts beside the project (see ../shared/data/SOURCES.md). */
const ODS_DIR = resolve(__dirname, '../../../../../shared/data/nhs-ods');

/** Rows of an ODS file as field arrays: the tests' own reading of the file, independent of the importer's. */
const rawRows = (file: string): string[][] =>
  readFileSync(join(ODS_DIR, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.slice(1, -1).split('","'));

/** Open on day D (YYYYMMDD) by the ODS rule: open_date <= D and (no close date or close_date >= D). */
const openOn = (row: string[], d: string) => row[10] <= d && (row[11] === '' || row[11] >= d);
const compact = (date: string) => date.replace(/-/g, '');

describe('importing the real NHS ODS extracts', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reader: LeadershipReader;
  let report: ImportReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-ods-'));
    store = new SqliteEventStore({ file: join(dir, 'ods.sqlite'), upcast: chainUpcasters(eventUpcasters) });
    report = await importNhsOds(store, ODS_DIR);
    reader = new LeadershipReader(store, new LeadershipProjector(store));
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const codesOpen = async (kind: string, at: string) => (await reader.organisationsOpenOn(kind, at as CalendarDate)).organisations.map((o) => o.code);

  it('reads every row of the five files and accounts for each one', () => {
    expect(report.rowsRead).toEqual({ 'eccg.csv': 320, 'etr.csv': 273, 'epraccur.csv': 14303, 'epcmem.csv': 47822, 'succ.csv': 11537 });
    expect(report.factsAppended).toBeGreaterThan(0);
    expect(report.rejectedCount('OrganisationNotImported')).toBeGreaterThan(0);
  });

  it('had 211 CCGs open on 2013-04-01 and 106 on 2021-04-01', async () => {
    expect(await codesOpen('ccg', '2013-04-01')).toHaveLength(211);
    expect(await codesOpen('ccg', '2021-04-01')).toHaveLength(106);
  });

  it('closed RW6 with effect from 2021-10-01, split into RM3 and R0A', async () => {
    expect(await codesOpen('nhs-trust', '2021-09-30')).toContain('RW6');
    expect(await codesOpen('nhs-trust', '2021-10-01')).not.toContain('RW6');
    const lineage = await reader.organisationLineage('RW6');

    expect(lineage.ok && lineage.value.organisation).toMatchObject({ code: 'RW6', openedOn: '2002-04-01', closedOn: '2021-09-30' });
    expect(lineage.ok && lineage.value.lineage.filter((l) => l.relation === 'successor').map((l) => [l.code, l.change, l.effectiveFrom, l.generation])).toEqual([
      ['R0A', 'split', '2021-10-01', 1],
      ['RM3', 'split', '2021-10-01', 1],
    ]);
  });

  it('reports R0A as the successor of the two trusts it merged in 2017 and of RW6', async () => {
    const lineage = await reader.organisationLineage('R0A');

    expect(lineage.ok && lineage.value.lineage.filter((l) => l.generation === 1).map((l) => l.code).sort()).toEqual(['RM2', 'RW3', 'RW6']);
  });

  // The importer must be right on every date, not only on the published figures: each quarter's count of CCGs
  // and trusts is checked against the test's own plain reading of the directory files.
  it.each(['2013-04-01', '2014-07-01', '2015-04-01', '2016-10-01', '2018-04-01', '2019-04-01', '2020-03-31', '2020-04-01', '2022-06-30', '2022-07-01', '2024-12-31'])(
    'lists exactly the CCGs and NHS trusts the ODS files have open on %s',
    async (at) => {
      const d = compact(at);
      // CCGs were abolished on 2022-07-01; from then on the same rows are sub-ICB locations.
      const commissioners = rawRows('eccg.csv').filter((r) => (r[13] === '' || r[13].startsWith('RO319')) && openOn(r, d));
      const trustRows = rawRows('etr.csv').filter((r) => openOn(r, d));
      const [ccgRows, subIcbRows] = d < '20220701' ? [commissioners, []] : [[], commissioners];

      expect((await codesOpen('ccg', at)).sort()).toEqual(ccgRows.map((r) => r[0]).sort());
      expect((await codesOpen('sub-icb-location', at)).sort()).toEqual(subIcbRows.map((r) => r[0]).sort());
      expect((await codesOpen('nhs-trust', at)).sort()).toEqual(trustRows.map((r) => r[0]).sort());
    },
  );

  it('turns the CCGs still open on 2022-07-01 into sub-ICB locations under the same code', async () => {
    expect(await codesOpen('ccg', '2022-07-01')).toEqual([]);
    expect(await codesOpen('sub-icb-location', '2022-07-01')).toHaveLength(106);
  });

  it('keeps practice memberships with their dates: A81001 in CCG 00K from 2013-04-01', async () => {
    const events = await store.readStream('organisation-ods-A81001');
    const memberships = events.filter((e) => e.type === 'MembershipChanged').map((e) => e.data as { groupOrganisationId: string; change: string; effectiveFrom: string });

    expect(memberships).toContainEqual(expect.objectContaining({ groupOrganisationId: 'ods-00K', change: 'joined', effectiveFrom: '2013-04-01' }));
  });

  it('carries the source file and row on every imported event', async () => {
    const [established] = await store.readStream('organisation-ods-RW6');

    expect(established.metadata).toMatchObject({ actor: 'import:nhs-ods', source: { file: 'etr.csv', rows: [expect.any(Number)] } });
    const row = rawRows('etr.csv')[established.metadata.source!.rows[0] - 1];
    expect(row[0]).toBe('RW6');
  });

  it('appends nothing when the same files are imported again', async () => {
    const before = await store.count();
    const again = await importNhsOds(store, ODS_DIR);

    expect(await store.count()).toBe(before);
    expect(again.eventsAppended).toBe(0);
    expect(again.factsAlreadyImported).toBe(report.factsAppended);
    expect(again.rowsRejected).toBe(report.rowsRejected);
  }, 120_000);
});
