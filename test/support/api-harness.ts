import type { INestApplication } from '@nestjs/common';
import type { Clock } from '@orgchange/commands';
import { EVENT_STORE, type EventStore, readAllPages, type RecordedEvent } from '@orgchange/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
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

export type ApiHarness = Readonly<{
  app: INestApplication;
  /** supertest against the app's server (no port is left listening between requests). */
  http: ReturnType<typeof request>;
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
    const config = validateAppConfig({ ORGCHANGE_DB: database.file, LOG_LEVEL: 'silent', DEMO_DATA: options.demo ? 'true' : 'false', ...options.env });
    app = await createApi(config, options.clock);
    await app.init();
  } catch (error) {
    await app?.close();
    if (owned) database.remove();
    throw error;
  }
  const started = app;
  const store = started.get<EventStore>(EVENT_STORE);
  return {
    app: started,
    http: request(started.getHttpServer()),
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
