import { PERSON_DIRECTORY, type PersonDirectory } from '@orgchange/people-directory';
import { LeadershipProjector } from '@orgchange/projections';
import { statSync } from 'node:fs';
import { localSecretFile } from '../apps/api/src/auth/local-jwt-secret';
import { run } from '../apps/cli/src/main';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../libs/event-store/src/postgres/postgres-test-schemas';
import { type ApiHarness, startApi, startApiWithDemo, tempDatabase, tokenFor } from './support/api-harness';

const ORG = 'northvale-ft';
const AT = '2018-06-01';
type Holder = { personId: string; name: string | null; personErased?: boolean };

/** Runs the CLI in-process and returns its exit code and stdout. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return { code: await run(argv), stdout: lines.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const holdersIn = (structure: unknown): Holder[] => {
  const found: Holder[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof (v as Holder).personId === 'string' && 'name' in (v as object)) found.push(v as Holder);
      Object.values(v).forEach(walk);
    }
  };
  walk(structure);
  return found;
};

describe('pseudonymised people: analysts never see names; erasure destroys the name and leaves the log alone', () => {
  let api: ApiHarness;
  let directory: PersonDirectory;
  const database = tempDatabase();
  const analyst = tokenFor('analyst', [ORG], 'ana');
  const structure = (token?: string) => (token ? api.as(token) : api.http).get(`/organisations/${ORG}/structure?at=${AT}`).expect(200);

  beforeAll(async () => {
    api = await startApiWithDemo({ database });
    directory = api.app.get(PERSON_DIRECTORY);
    const holders = holdersIn((await structure()).body);
    for (const [i, h] of holders.entries()) await directory.recordNames(h.personId, 'test', [{ name: `Person Number ${i}` }]);
  });
  afterAll(async () => {
    await api?.close();
    database.remove();
  });

  it('gives programme offices and admins names, and analysts and services none', async () => {
    expect(holdersIn((await structure()).body).every((h) => h.name?.startsWith('Person Number'))).toBe(true);
    for (const token of [analyst, tokenFor('service', ['*'])]) {
      const holders = holdersIn((await structure(token)).body);
      expect(holders.length).toBeGreaterThan(0);
      expect(holders.map((h) => h.name)).toEqual(holders.map(() => null));
      expect(JSON.stringify((await structure(token)).body)).not.toContain('Person Number');
    }
  });

  it('blanks names in /holders for an analyst too', async () => {
    const title = 'Medical Director';
    const asAdmin = (await api.http.get(`/holders?title=${encodeURIComponent(title)}&at=${AT}`).expect(200)).body.holders as Holder[];
    const asAnalyst = (await api.as(analyst).get(`/holders?title=${encodeURIComponent(title)}&at=${AT}`).expect(200)).body.holders as Holder[];
    expect(asAdmin[0].name).toMatch(/^Person Number/);
    expect(asAnalyst.map((h) => h.name)).toEqual([null]);
  });

  it('erases through the admin endpoint: reads show the person as erased, every event is unchanged, a replay gives the same structure', async () => {
    const target = holdersIn((await structure()).body)[0];
    const eventsBefore = await api.allEvents();
    const otherNames = holdersIn((await structure()).body).filter((h) => h.personId !== target.personId).map((h) => h.name);

    const erased = await api.http.delete(`/people/${target.personId}/identity`).expect(200);
    expect(erased.body).toEqual({ personId: target.personId, personErased: true, recordsDestroyed: 1 });

    const after = holdersIn((await structure()).body);
    expect(after.filter((h) => h.personId === target.personId).every((h) => h.name === null && h.personErased === true)).toBe(true);
    expect(after.filter((h) => h.personId !== target.personId).map((h) => h.name)).toEqual(otherNames);
    expect(await api.allEvents()).toEqual(eventsBefore);

    const projected = (await structure()).body;
    await api.app.get(LeadershipProjector).rebuild();
    expect({ ...(await structure()).body, knownAt: null }).toEqual({ ...projected, knownAt: null });
  });

  it('erases through `orgchange people erase`, and refuses a bad id with exit code 2', async () => {
    const target = holdersIn((await structure()).body).find((h) => h.name !== null)!;
    const result = await cli(['people', 'erase', target.personId, '--db', database.file]);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ personId: target.personId, personErased: true });
    expect(holdersIn((await structure()).body).find((h) => h.personId === target.personId)).toMatchObject({ name: null, personErased: true });
    const tree = await cli(['structure', '--org', ORG, '--at', AT, '--db', database.file]);
    expect(tree.stdout).toContain(`(erased) <${target.personId}>`);
    expect(tree.stdout).not.toContain(`${target.name} <${target.personId}>`);
    expect((await cli(['people', 'erase', 'bad id!', '--db', database.file])).code).toBe(2);
  });
});

describe('GET /audit: who changed what', () => {
  let api: ApiHarness;
  const office = tokenFor('programme-office', [ORG], 'olivia');
  let started: string;

  beforeAll(async () => {
    api = await startApiWithDemo();
    started = new Date().toISOString();
    await api.as(office).post(`/organisations/${ORG}/rename`).send({ name: 'Northvale Teaching Hospitals', effectiveFrom: '2030-01-01' }).expect(201);
    await api.as(office).post('/posts/md/retitle').send({ title: 'Chief Medical Officer', effectiveFrom: '2030-01-01' }).expect(201);
  });
  afterAll(() => api?.close());

  it('lists the actor, event, stream and organisation of each change recorded in the window', async () => {
    const { body } = await api.as(office).get(`/audit?org=${ORG}&from=${started}`).expect(200);

    expect(body.entries.map((e: { actor: string; type: string; streamId: string }) => [e.actor, e.type, e.streamId])).toEqual([
      ['olivia', 'OrganisationRenamed', `organisation-${ORG}`],
      ['olivia', 'PostRetitled', 'post-md'],
    ]);
    expect(body.entries[1].organisationIds).toEqual([ORG]);
  });

  it('leaves out changes recorded after `to`, and pages with `after`', async () => {
    expect((await api.as(office).get(`/audit?org=${ORG}&to=${started}`).expect(200)).body.entries.every((e: { actor: string }) => e.actor !== 'olivia')).toBe(true);
    const first = (await api.http.get(`/audit?org=${ORG}&limit=2`).expect(200)).body;
    const second = (await api.http.get(`/audit?org=${ORG}&limit=2&after=${first.next}`).expect(200)).body;
    expect(second.entries[0].globalPosition).toBeGreaterThan(first.entries[1].globalPosition);
  });

  it('refuses a programme office another organisation (403) and names a bad parameter (400)', async () => {
    expect((await api.as(office).get('/audit?org=westmoor-icb')).status).toBe(403);
    expect((await api.as(office).get('/audit')).status).toBe(403);
    const bad = await api.http.get('/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
  });
});

describe('orgchange token', () => {
  it('mints a token the API accepts, signed with the secret it keeps beside the database (owner-only)', async () => {
    const database = tempDatabase();
    try {
      const minted = await cli(['token', '--role', 'analyst', '--org', ORG, '--subject', 'ana', '--db', database.file]);
      expect(minted.code).toBe(0);
      expect(statSync(localSecretFile(database.file)).mode & 0o077).toBe(0);

      const api = await startApiWithDemo({ database, env: { AUTH_JWT_SECRET: '' } });
      try {
        expect((await api.as(minted.stdout.trim()).get('/organisations').expect(200)).body).toBeDefined();
        expect((await api.as(minted.stdout.trim()).post(`/organisations/${ORG}/close`).send({ effectiveFrom: '2030-01-01' })).status).toBe(403);
      } finally {
        await api.close();
      }
    } finally {
      database.remove();
    }
  });

  it.each([
    [['token', '--role', 'wizard']],
    [['token', '--role', 'analyst']],
    [['token', '--role', 'analyst', '--org', 'not an id']],
    [['token', '--role', 'admin', '--expires-in', 'forever']],
  ])('refuses %p with exit code 2', async (argv) => {
    const database = tempDatabase();
    try {
      expect((await cli([...argv, '--db', database.file])).code).toBe(2);
    } finally {
      database.remove();
    }
  });
});

describe('on a PostgreSQL log (EVENT_STORE=postgres): names and erasures are shared by every API instance', () => {
  const schema = freshSchemaName('oc_people_api');
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  const files = [tempDatabase(), tempDatabase()];
  let first: ApiHarness;
  let second: ApiHarness;

  beforeAll(async () => {
    first = await startApiWithDemo({ database: files[0], env });
    second = await startApi({ database: files[1], env });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    files.forEach((f) => f.remove());
    await dropSchema(schema);
  });

  it('shows a name recorded through one instance on the other, and an erasure on either on both', async () => {
    const read = async (api: ApiHarness) => {
      await api.app.get(LeadershipProjector).catchUp();
      return holdersIn((await api.http.get(`/organisations/${ORG}/structure?at=${AT}`).expect(200)).body);
    };
    const target = (await read(first))[0];
    await first.app.get<PersonDirectory>(PERSON_DIRECTORY).recordNames(target.personId, 'test', [{ name: 'Shared Name' }]);
    for (let i = 0; i < 100 && (await read(second)).length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));

    expect((await read(second)).find((h) => h.personId === target.personId)?.name).toBe('Shared Name');
    await second.http.delete(`/people/${target.personId}/identity`).expect(200);
    expect((await read(first)).find((h) => h.personId === target.personId)).toMatchObject({ name: null, personErased: true });
  });

  it('erases in PostgreSQL through `orgchange people erase` with the same variables', async () => {
    const other = holdersIn((await first.http.get(`/organisations/${ORG}/structure?at=${AT}`).expect(200)).body).find((h) => !h.personErased)!;
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      expect((await cli(['people', 'erase', other.personId, '--db', files[1].file])).code).toBe(0);
    } finally {
      for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
      Object.assign(process.env, saved);
    }
    expect(holdersIn((await first.http.get(`/organisations/${ORG}/structure?at=${AT}`).expect(200)).body).find((h) => h.personId === other.personId)).toMatchObject({ personErased: true });
  });
});
