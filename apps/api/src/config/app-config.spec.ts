import { validateAppConfig } from './app-config';

describe('validateAppConfig', () => {
  it('gives every variable a default, so npm start needs none', () => {
    expect(validateAppConfig({})).toMatchObject({ PORT: 3000, ORGCHANGE_DB: './data/orgchange.sqlite', DEMO_DATA: 'true', LOG_LEVEL: 'info', BODY_LIMIT: '100kb', COMMAND_CACHE_STREAMS: 20_000 });
  });

  it('reads values from the environment', () => {
    expect(validateAppConfig({ PORT: '8080', ORGCHANGE_DB: '/tmp/x.sqlite', DEMO_DATA: 'false', LOG_LEVEL: 'warn' })).toMatchObject({
      PORT: 8080,
      ORGCHANGE_DB: '/tmp/x.sqlite',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number between 1 and 65535'],
    [{ PORT: '70000' }, 'PORT must be a whole number between 1 and 65535'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ COMMAND_CACHE_STREAMS: '-1' }, 'COMMAND_CACHE_STREAMS must be a whole number, 0 or more'],
    [{ COMMAND_CACHE_STREAMS: 'lots' }, 'COMMAND_CACHE_STREAMS must be a whole number, 0 or more'],
  ])('refuses %p with a message naming the variable', (env, message) => {
    expect(() => validateAppConfig(env)).toThrow(message);
  });

  it('names every problem at once', () => {
    expect(() => validateAppConfig({ PORT: '0', DEMO_DATA: 'maybe' })).toThrow(/PORT[\s\S]*DEMO_DATA|DEMO_DATA[\s\S]*PORT/);
  });

  it('checks the event store variables with the rest, naming each', () => {
    expect(() => validateAppConfig({ EVENT_STORE: 'postgres' })).toThrow(/DATABASE_URL is required when EVENT_STORE=postgres/);
    expect(() => validateAppConfig({ EVENT_STORE: 'oracle', PORT: '0' })).toThrow(/PORT[\s\S]*EVENT_STORE must be one of sqlite, postgres, kurrentdb/);
    expect(validateAppConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/orgchange' })).toMatchObject({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/orgchange' });
  });
});
