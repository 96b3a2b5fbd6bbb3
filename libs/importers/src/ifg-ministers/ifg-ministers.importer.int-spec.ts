import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CalendarDate, eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { SqlitePersonDirectory } from '@orgchange/people-directory';
import { LeadershipProjector, LeadershipReader } from '@orgchange/projections';
import type { ImportReport } from '../shared/import-report';
import { importIfgMinisters } from './ifg-ministers.importer';

/** The real IfG Ministers Database tables beside the project (see ../shared/data/SOURCES.md). */
const IFG_DIR = resolve(__dirname, '../../../../../shared/data/ifg-ministers');
const HEALTH = 'Secretary of State for Health';

describe('importing the real IfG Ministers Database', () => {
  let dir: string;
  let store: SqliteEventStore;
  let names: SqlitePersonDirectory;
  let reader: LeadershipReader;
  let first: ReturnType<ImportReport['toJSON']>;
  let second: ReturnType<ImportReport['toJSON']>;
  let eventsAfterFirst: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-ifg-'));
    store = new SqliteEventStore({ file: join(dir, 'ifg.sqlite'), upcast: chainUpcasters(eventUpcasters) });
    names = new SqlitePersonDirectory(store.database);
    first = (await importIfgMinisters(store, names, IFG_DIR)).toJSON();
    eventsAfterFirst = await store.count();
    second = (await importIfgMinisters(store, names, IFG_DIR)).toJSON();
    reader = new LeadershipReader(store, new LeadershipProjector(store));
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const holders = async (title: string, at: string) => {
    const view = await reader.holdersByTitle(title, at as CalendarDate);
    const known = await names.namesOn(view.holders.map((h) => h.personId), at as CalendarDate);
    return view.holders.map((h) => ({ name: known.get(h.personId), organisation: h.organisation, from: h.from, to: h.to }));
  };

  it('reads every row of the six tables it uses and appends the facts once: a second run appends nothing', async () => {
    expect(first.rowsRead).toEqual({
      'organisation.csv': 69,
      'organisation_link.csv': 60,
      'post.csv': 926,
      'person.csv': 1337,
      'appointment.csv': 3667,
      'appointment_characteristics.csv': 3711,
    });
    expect(first.eventsAppended).toBe(eventsAfterFirst);
    expect(second).toMatchObject({ factsAppended: 0, eventsAppended: 0, rowsRejected: first.rowsRejected });
    expect(second.factsAlreadyImported).toBeGreaterThan(0);
    expect(await store.count()).toBe(eventsAfterFirst);
  });

  it('rejects the two appointments that end before they start, by the domain rule, and the irregular rows around them', () => {
    const rows = (rule: string) => (first.rejections[rule]?.examples ?? []).map((e) => `${e.file}:${e.row}`);

    expect(rows('AppointmentEndsBeforeStart')).toEqual(['appointment.csv:1729', 'appointment.csv:2748']);
    expect(first.rejections.AppointmentEndsBeforeStart.examples.map((e) => e.message)).toEqual([
      'an appointment ends on or after it starts (starts 2025-09-01, ends 2025-05-14)',
      'an appointment ends on or after it starts (starts 2025-09-06, ends 2025-05-14)',
    ]);
    // DNH closes 1997-05-02 and DCMS opens 1997-05-03; DCSF closes 2010-05-11 and DfE opens 2010-05-12.
    expect(rows('OrganisationNotOpenOnLinkDate').sort()).toEqual(['organisation_link.csv:30', 'organisation_link.csv:8']);
    // A BIS minister appointed 2009-06-05, the day before BIS's start_date.
    expect(rows('PostNotYetCreated')).toEqual(['appointment.csv:1760']);
    expect(first.rowsRejected).toBe(5);
  });

  it('had Andrew Lansley as Secretary of State for Health on 2012-09-01, until Jeremy Hunt took office on 2012-09-04', async () => {
    // appointment.csv: Lansley 2010-05-12 → 2012-09-04 (half-open), Hunt 2012-09-04 → 2018-01-08.
    expect(await holders(HEALTH, '2012-09-01')).toEqual([{ name: 'Andrew Lansley', organisation: 'Department of Health', from: '2010-05-12', to: '2012-09-04' }]);
    expect((await holders(HEALTH, '2012-09-03')).map((h) => h.name)).toEqual(['Andrew Lansley']);
    expect(await holders(HEALTH, '2012-09-04')).toEqual([{ name: 'Jeremy Hunt', organisation: 'Department of Health', from: '2012-09-04', to: '2018-01-08' }]);
  });

  it('leaves the one-day gap at the 2010 change of government empty', async () => {
    expect((await holders(HEALTH, '2010-05-10')).map((h) => h.name)).toEqual(['Andy Burnham']);
    expect(await holders(HEALTH, '2010-05-11')).toEqual([]);
    expect((await holders(HEALTH, '2010-05-12')).map((h) => h.name)).toEqual(['Andrew Lansley']);
  });

  it('records the 2018 renaming: the Department of Health closes into DHSC and Jeremy Hunt moves post the same day', async () => {
    const lineage = await reader.organisationLineage('DH');

    expect(lineage.ok && lineage.value.lineage.filter((l) => l.relation === 'successor').map((l) => [l.code, l.change, l.effectiveFrom])).toEqual([['DHSC', 'merger', '2018-01-08']]);
    expect(await holders('Secretary of State for Health and Social Care', '2018-01-08')).toEqual([
      { name: 'Jeremy Hunt', organisation: 'Department of Health and Social Care', from: '2018-01-08', to: '2018-07-09' },
    ]);
  });

  it('shows a department’s ministers on a date, and an acting minister covering a colleague on maternity leave', async () => {
    const structure = await reader.structure('DSIT', '2023-05-01' as CalendarDate);
    const posts = structure.ok ? structure.value.units.flatMap((u) => u.posts) : [];
    const secretary = posts.find((p) => p.title === 'Secretary of State for Science, Innovation and Technology');
    const known = await names.namesOn(secretary?.holders.flatMap((h) => [h.personId, h.coveringForPersonId ?? '']) ?? [], '2023-05-01' as CalendarDate);

    expect(secretary?.holders.map((h) => [known.get(h.personId), h.kind, h.coveringForPersonId && known.get(h.coveringForPersonId)])).toEqual(
      expect.arrayContaining([['Michelle Donelan', 'substantive', null], ['Chloe Smith', 'acting', 'Michelle Donelan']]),
    );
  });

  it('finds by short name the department open on the date asked about: DfE of 1992–1995 and DfE from 2010', async () => {
    const early = await reader.structure('DfE', '1993-01-01' as CalendarDate);
    const late = await reader.structure('DfE', '2015-01-01' as CalendarDate);

    expect(early.ok && [early.value.organisation.openFrom, early.value.organisation.code]).toEqual(['1992-04-11', 'DfE']);
    expect(late.ok && [late.value.organisation.openFrom, late.value.organisation.code]).toEqual(['2010-05-12', 'DfE']);
  });

  it('keeps names out of the log: no event mentions a minister’s name', async () => {
    const log = JSON.stringify(await store.readAll({ after: -1n, limit: eventsAfterFirst + 1 }), (_k, v) => (typeof v === 'bigint' ? String(v) : v));

    expect(log).not.toContain('Lansley');
    expect(log).not.toContain('Jeremy Hunt');
  });
});
