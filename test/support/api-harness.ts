import type { INestApplication } from '@nestjs/common';
import type { Clock } from '@orgchange/commands';
import { EVENT_STORE, type EventStore, readAllPages, type RecordedEvent } from '@orgchange/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { mintToken } from '../../apps/api/src/auth/mint-token';
import type { Role } from '../../apps/api/src/auth/principal';
import { createApi } from '../../apps/api/src/bootstrap';
import { validateAppConfig } from '../../apps/api/src/config/app-config';

/** The repository root, for tests that read its files or run its bin. */
export const REPO_ROOT = join(__dirname, '..', '..');

/** A SQLite file in its own temporary folder (the store adds -wal/-shm beside it); `remove` deletes the folder. */
export type TempDatabase = Readonly<{ file: string; remove: () => void }>;

export function tempDatabase(): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-e2e-'));
  return { file: join(dir, 'orgchange.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The HS256 secret the harness's API verifies tokens with (AUTH_MODE=jwt, as in production). */
export const TEST_JWT_SECRET = 'orgchange-e2e-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const ISSUER = 'orgchange-local';
const AUDIENCE = 'orgchange-api';

/** A token the harness's API accepts: one role over the given organisations (`*` = all). */
export const tokenFor = (role: Role, organisations: readonly string[] = ['*'], subject = `test-${role}`, expiresIn: string | number = '1h'): string =>
  mintToken({ secret: TEST_JWT_SECRET, issuer: ISSUER, audience: AUDIENCE, subject, role, organisations, expiresIn });

type Http = ReturnType<typeof request>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** supertest whose every request carries `Authorization: Bearer <token>`. */
function withToken(http: Http, token: string): Http {
  const signed = Object.create(http) as Record<string, unknown>;
  for (const method of METHODS) signed[method] = (url: string) => http[method](url).set('Authorization', `Bearer ${token}`);
  return signed as unknown as Http;
}

export type ApiHarness = Readonly<{
  app: INestApplication;
  /** supertest against the app's server (no port is left listening between requests), signed as an admin. */
  http: Http;
  /** supertest with no token at all. */
  anonymous: Http;
  /** supertest signed with this token (see {@link tokenFor}). */
  as: (token: string) => Http;
  store: EventStore;
  database: TempDatabase;
  /** Number of events in the log, read from the store (not through the API). */
  eventCount: () => Promise<number>;
  /** Every event of the log, in global order. */
  allEvents: () => Promise<readonly RecordedEvent[]>;
  /** Closes the app; removes the database too unless it was passed in. */
  close: () => Promise<void>;
}>;

export type StartOptions = Readonly<{
  /** Load the demo history on an empty database (DEMO_DATA=true). */
  demo?: boolean;
  /** Reuse this database (the caller removes it); by default a new one is made and removed on close. */
  database?: TempDatabase;
  clock?: Clock;
  env?: Record<string, string>;
}>;

/** Starts the API on a temporary SQLite file without listening: `createApi` then `app.init()`. */
export async function startApi(options: StartOptions = {}): Promise<ApiHarness> {
  const database = options.database ?? tempDatabase();
  const owned = options.database === undefined;
  let app: INestApplication | undefined;
  try {
    const config = validateAppConfig({
      ORGCHANGE_DB: database.file,
      LOG_LEVEL: 'silent',
      DEMO_DATA: options.demo ? 'true' : 'false',
      AUTH_MODE: 'jwt',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      RATE_LIMIT_PER_MINUTE: '0',
      ...options.env,
    });
    app = await createApi(config, options.clock);
    await app.init();
  } catch (error) {
    await app?.close();
    if (owned) database.remove();
    throw error;
  }
  const started = app;
  const store = started.get<EventStore>(EVENT_STORE);
  const anonymous = request(started.getHttpServer());
  return {
    app: started,
    http: withToken(anonymous, tokenFor('admin')),
    anonymous,
    as: (token) => withToken(anonymous, token),
    store,
    database,
    eventCount: () => store.count(),
    allEvents: async () => {
      const events: RecordedEvent[] = [];
      for await (const page of readAllPages(store)) events.push(...page);
      return events;
    },
    close: async () => {
      try {
        await started.close();
      } finally {
        if (owned) database.remove();
      }
    },
  };
}

/** Starts the API with the fictional demo history loaded. */
export const startApiWithDemo = (options: Omit<StartOptions, 'demo'> = {}): Promise<ApiHarness> => startApi({ ...options, demo: true });
