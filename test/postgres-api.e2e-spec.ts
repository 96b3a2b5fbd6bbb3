import { PostgresEventStore } from '@orgchange/event-store';
import { Client } from 'pg';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../libs/event-store/src/postgres/postgres-test-schemas';
import { type ApiHarness, startApi, tempDatabase, type TempDatabase } from './support/api-harness';
import { expectNothingAppended, expectProblem, send } from './support/fixtures';

type Unit = { unitId: string; name: string; children: Unit[] };
const find = (units: Unit[], id: string): Unit | undefined => units.map((u) => (u.unitId === id ? u : find(u.children, id))).find(Boolean);

/**
 * The API on PostgreSQL (EVENT_STORE=postgres, DATABASE_URL, a schema of its own): commands in, reads out,
 * with the log in PostgreSQL and each instance's derived state in its own local file.
 */
describe('the API with its log in PostgreSQL', () => {
  const schema = freshSchemaName('oc_e2e');
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  const locals: TempDatabase[] = [];
  const started: ApiHarness[] = [];
  const start = async (options: { demo?: boolean; database?: TempDatabase } = {}): Promise<ApiHarness> => {
    const database = options.database ?? tempDatabase();
    if (!options.database) locals.push(database);
    const api = await startApi({ demo: options.demo, database, env });
    started.push(api);
    return api;
  };
  const log = async (): Promise<PostgresEventStore> => PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });

  afterAll(async () => {
    for (const api of started.splice(0)) await api.close();
    for (const database of locals) database.remove();
    await dropSchema(schema);
  });

  let first: ApiHarness;

  it('loads the demo history into PostgreSQL and answers structure reads from it', async () => {
    first = await start({ demo: true });

    const direct = await log();
    try {
      expect(await direct.count()).toBeGreaterThan(30);
      expect(await first.eventCount()).toBe(await direct.count());
    } finally {
      await direct.close();
    }
    const res = await first.http.get('/organisations/northvale-ft/structure').query({ at: '2020-01-01' }).expect(200);
    expect(find(res.body.units, 'div-medicine-surgery')).toBeDefined();
  });

  it('appends a command to PostgreSQL and reads it straight back, keeping the Idempotency-Key record beside the log', async () => {
    const version = (await first.store.streamVersion('organisation-northvale-ft')) as number;
    const command = { toParentUnitId: 'div-integrated-care', effectiveFrom: '2027-04-01', reason: 'Children’s services review' };
    const headers = { 'If-Match': `W/"${version}"`, 'Idempotency-Key': 'move-paeds-2027' };

    const res = await send(first, '/organisations/northvale-ft/units/dir-paediatrics/move', command, headers);
    const retry = await send(first, '/organisations/northvale-ft/units/dir-paediatrics/move', command, headers);

    expect(res.status).toBe(201);
    expect(retry.body).toEqual(res.body);
    const after = await first.http.get('/organisations/northvale-ft/structure').query({ at: '2027-05-01' }).expect(200);
    expect(find(after.body.units, 'div-integrated-care')!.children.map((u) => u.unitId)).toContain('dir-paediatrics');
    const direct = await log();
    try {
      const stored = await direct.readEvent(res.body.events[0].eventId);
      expect(stored).toMatchObject({ type: 'UnitMoved', streamId: 'organisation-northvale-ft', globalPosition: BigInt(res.body.events[0].globalPosition) });
    } finally {
      await direct.close();
    }
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT status FROM ${schema}.idempotency_keys WHERE key = $1`, ['move-paeds-2027']);
      expect(rows).toEqual([{ status: 201 }]);
    } finally {
      await client.end();
    }
  });

  it('refuses a stale If-Match with 409 and appends nothing to PostgreSQL', async () => {
    const res = await expectNothingAppended(first, () =>
      send(first, '/organisations/northvale-ft/rename', { name: 'Lost update', effectiveFrom: '2028-01-01' }, { 'If-Match': 'W/"0"' }),
    );

    expectProblem(res, 409, 'StreamVersionConflict');
  });

  it("serves a second instance, with its own local file, the same log and sees the first instance's new commands", async () => {
    const second = await start();
    expect(await second.allEvents()).toEqual(await first.allEvents());

    await send(first, '/organisations/northvale-ft/units/dir-paediatrics/rename', { name: 'Children and Young People', effectiveFrom: '2027-06-01' }).expect(201);

    const seen = await waitFor(async () => {
      const res = await second.http.get('/organisations/northvale-ft/structure').query({ at: '2027-07-01' }).expect(200);
      return find(res.body.units, 'dir-paediatrics')?.name === 'Children and Young People';
    });
    expect(seen).toBe(true);
  });

  it('rebuilds an instance whose local file was lost, from the log', async () => {
    const database = tempDatabase();
    locals.push(database);
    const third = await start({ database });
    const expected = await third.allEvents();
    await third.close();
    started.splice(started.indexOf(third), 1);
    database.remove();

    const again = await start({ database });

    expect(await again.allEvents()).toEqual(expected);
  });
});

/** Polls `check` until it holds, at most 50 times 100 ms apart: another instance's commit arrives by NOTIFY. */
async function waitFor(check: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
