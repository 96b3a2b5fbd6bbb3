import { PostgresEventStore } from '@orgchange/event-store';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../libs/event-store/src/postgres/postgres-test-schemas';
import { run } from '../apps/cli/src/main';
import { startApiWithDemo, tempDatabase } from './support/api-harness';
import { captureCliOutput } from './support/cli-output';

/** The CLI with EVENT_STORE=postgres: its --db file is local state, refreshed from the log before each verb. */
describe('the CLI on a PostgreSQL log', () => {
  const cli = captureCliOutput();
  const schema = freshSchemaName('oc_cli');
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  const local = tempDatabase();
  const saved = { ...process.env };
  let logged: number;

  beforeAll(async () => {
    const api = await startApiWithDemo({ env });
    await api.close();
    const direct = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    logged = await direct.count();
    await direct.close();
    Object.assign(process.env, env);
  });
  afterAll(async () => {
    for (const name of Object.keys(env)) process.env[name] = saved[name];
    local.remove();
    await dropSchema(schema);
  });

  it('reads the whole log into a fresh local file and answers from it', async () => {
    expect(await run(['log', '--count', '--db', local.file])).toBe(0);
    expect(Number(cli.printed())).toBe(logged);

    cli.clear();
    expect(await run(['structure', '--org', 'ZZ1', '--at', '2020-01-01', '--format', 'json', '--db', local.file])).toBe(0);
    expect(JSON.parse(cli.printed())).toMatchObject({ organisation: { organisationId: 'northvale-ft' } });
  });

  it('refuses verbs that write a SQLite log, saying how to load one into PostgreSQL (exit 2)', async () => {
    expect(await run(['synth', '--db', local.file])).toBe(2);
    expect(cli.errors()).toMatch(/orgchange synth writes a SQLite log; with EVENT_STORE=postgres[\s\S]*orgchange store copy/);
  });

  it('names a bad store variable (exit 2)', async () => {
    process.env.EVENT_STORE = 'oracle';
    try {
      expect(await run(['log', '--count', '--db', local.file])).toBe(2);
      expect(cli.errors()).toMatch(/EVENT_STORE must be one of sqlite, postgres, kurrentdb/);
    } finally {
      process.env.EVENT_STORE = 'postgres';
    }
  });
});
