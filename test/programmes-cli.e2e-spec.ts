import { run } from '../apps/cli/src/main';
import { startApi, tempDatabase, type TempDatabase } from './support/api-harness';
import { createPost, establishOrganisation, establishUnit, given } from './support/fixtures';
import { abolishPost, draftProgramme, fakeClock, scheduleProgramme } from './support/programme-fixtures';

/** Given two programmes written through the API: one scheduled, one drafted. */
describe('orgchange programmes', () => {
  let database: TempDatabase;
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  const printed = () => out.mock.calls.map((call) => String(call[0]));

  beforeAll(async () => {
    database = tempDatabase();
    const api = await startApi({ database, clock: fakeClock('2026-05-01') });
    try {
      await establishOrganisation(api, 'trust');
      await establishUnit(api, 'trust', 'div-a');
      await createPost(api, 'cd-a', 'trust', 'div-a');
      await scheduleProgramme(api, 'scheduled', [abolishPost('abolish-cd', 'cd-a', '2026-09-01')]);
      await draftProgramme(api, 'drafted', [abolishPost('abolish-cd', 'cd-a', '2027-01-01')]);
      await given(api, '/programmes/drafted/proposal', {});
    } finally {
      await api.close();
    }
  });
  afterAll(() => database.remove());
  beforeEach(() => {
    out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('list prints one line per programme with its status and next timer', async () => {
    expect(await run(['programmes', 'list', '--db', database.file])).toBe(0);

    expect(printed().map((line) => line.split('\t').slice(0, 4))).toEqual([
      ['programme', 'status', 'changes', 'next timer'],
      ['scheduled', 'scheduled', '1', 'change-effective abolish-cd on 2026-09-01'],
      ['drafted', 'proposal-published', '1', '-'],
    ]);
  });

  it('list --format json prints the summaries', async () => {
    expect(await run(['programmes', 'list', '--db', database.file, '--format', 'json'])).toBe(0);

    expect(JSON.parse(printed().join('\n')).map((p: { programmeId: string; version: number }) => [p.programmeId, p.version])).toEqual([
      ['scheduled', 2],
      ['drafted', 1],
    ]);
  });

  it('show prints the state, the pending timers and the timeline', async () => {
    expect(await run(['programmes', 'show', 'scheduled', '--db', database.file])).toBe(0);

    const lines = printed();
    expect(lines).toEqual(expect.arrayContaining(['status: scheduled (version 2)', '  abolish-cd\tAbolishPost\t2026-09-01\tpending', '  change-effective abolish-cd on 2026-09-01']));
    expect(lines.filter((l) => /^ {2}\d{4}-\d{2}-\d{2}T.*\t(ProgrammeDrafted|ConsultationWaived|ProgrammeDecided)\t/.test(l))).toHaveLength(3);
  });

  it('show --format json prints the detail with the timeline', async () => {
    expect(await run(['programmes', 'show', 'scheduled', '--db', database.file, '--format', 'json'])).toBe(0);

    expect(JSON.parse(printed().join('\n'))).toMatchObject({ programmeId: 'scheduled', state: { status: 'scheduled' }, timeline: [{ type: 'ProgrammeDrafted' }, { type: 'ConsultationWaived' }, { type: 'ProgrammeDecided' }] });
  });

  it('show of an unknown programme exits 1 naming it', async () => {
    expect(await run(['programmes', 'show', 'nope', '--db', database.file])).toBe(1);

    expect(String(err.mock.calls[0][0])).toMatch(/no programme nope/);
  });
});
