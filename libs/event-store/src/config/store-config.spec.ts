import { storeConfigFrom, storeConfigProblems } from './store-config';

describe('store configuration from the environment', () => {
  it('defaults to SQLite in ./data/orgchange.sqlite', () => {
    expect(storeConfigFrom({})).toEqual({ kind: 'sqlite', file: './data/orgchange.sqlite' });
    expect(storeConfigFrom({ EVENT_STORE: '', ORGCHANGE_DB: '/var/lib/orgchange/o.sqlite' })).toEqual({ kind: 'sqlite', file: '/var/lib/orgchange/o.sqlite' });
  });

  it('reads PostgreSQL with its schema, keeping ORGCHANGE_DB as the local state file', () => {
    expect(storeConfigFrom({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://app@db:5432/orgchange', ORGCHANGE_DB: '/state/local.sqlite' })).toEqual({
      kind: 'postgres',
      url: 'postgres://app@db:5432/orgchange',
      schema: 'orgchange',
      localStateFile: '/state/local.sqlite',
    });
    expect(storeConfigFrom({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgresql://db/x', DATABASE_SCHEMA: 'tenant_7' })).toMatchObject({ schema: 'tenant_7' });
  });

  it('reads KurrentDB', () => {
    expect(storeConfigFrom({ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false' })).toEqual({
      kind: 'kurrentdb',
      url: 'kurrentdb://kurrentdb:2113?tls=false',
      localStateFile: './data/orgchange.sqlite',
    });
  });

  it.each([
    [{ EVENT_STORE: 'mysql' }, /EVENT_STORE must be one of sqlite, postgres, kurrentdb \(got "mysql"\)/],
    [{ EVENT_STORE: 'postgres' }, /DATABASE_URL is required when EVENT_STORE=postgres/],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://db/x' }, /DATABASE_URL must be a postgres:\/\//],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'not a url' }, /DATABASE_URL must be a postgres:\/\//],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/x', DATABASE_SCHEMA: 'Robert; DROP' }, /DATABASE_SCHEMA must be/],
    [{ EVENT_STORE: 'kurrentdb' }, /KURRENTDB_URL is required when EVENT_STORE=kurrentdb/],
    [{ EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://db:2113' }, /KURRENTDB_URL must be a kurrentdb:\/\//],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(storeConfigProblems(env)).toEqual([expect.stringMatching(message)]);
    expect(() => storeConfigFrom(env)).toThrow(message);
  });

  it('ignores the other store variables: a PostgreSQL URL left set does not matter on SQLite', () => {
    expect(storeConfigProblems({ EVENT_STORE: 'sqlite', DATABASE_URL: 'garbage', KURRENTDB_URL: 'garbage' })).toEqual([]);
  });
});
