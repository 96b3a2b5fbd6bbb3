import { type ApiHarness, startApi, startApiWithDemo, tempDatabase, type TempDatabase } from './support/api-harness';
import type { LoggedEvent } from './support/fixtures';

const unitIds = (res: { body: { units: { unitId: string }[] } }) => res.body.units.map((u) => u.unitId);

describe('given DEMO_DATA=true and an empty database', () => {
  let database: TempDatabase;
  let api: ApiHarness;

  beforeAll(async () => {
    database = tempDatabase();
    api = await startApiWithDemo({ database });
  });
  afterAll(async () => {
    await api.close();
    database.remove();
  });

  it('loads the demo history at start-up: /health is ok and counts more than 100 events', async () => {
    const res = await api.http.get('/health').expect(200);

    expect(res.body.status).toBe('ok');
    expect(res.body.info.eventStore.status).toBe('up');
    expect(res.body.info.eventStore.events).toBeGreaterThan(100);
    expect(res.body.info.eventStore.events).toBe(await api.eventCount());
  });

  it('shows Northvale’s merged division of Medicine and Surgery today', async () => {
    const res = await api.http.get('/organisations/northvale-ft/units').expect(200);

    expect(unitIds(res)).toContain('div-medicine-surgery');
    expect(unitIds(res)).not.toContain('div-medicine');
  });

  it('shows the Division of Medicine before the merger (2016-01-01)', async () => {
    const res = await api.http.get('/organisations/northvale-ft/units').query({ at: '2016-01-01' }).expect(200);

    expect(unitIds(res)).toContain('div-medicine');
    expect(unitIds(res)).not.toContain('div-medicine-surgery');
  });

  it('records the backdated correction in the log', async () => {
    const res = await api.http.get('/events').query({ limit: 1000 }).expect(200);

    expect((res.body.events as LoggedEvent[]).some((e) => e.type === 'EventCorrected')).toBe(true);
  });

  it('does not load the demo again when restarted on the same file', async () => {
    const loaded = await api.eventCount();
    await api.close();

    api = await startApiWithDemo({ database });

    expect(await api.eventCount()).toBe(loaded);
  });
});

describe('given DEMO_DATA=false', () => {
  it('starts on an empty log', async () => {
    const api = await startApi();
    try {
      const res = await api.http.get('/health').expect(200);
      expect(res.body.info.eventStore.events).toBe(0);
    } finally {
      await api.close();
    }
  });
});
