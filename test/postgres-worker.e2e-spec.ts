import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PostgresEventStore } from '@orgchange/event-store';
import { validateWorkerConfig } from '../apps/worker/src/worker-config';
import { WorkerHealthServer } from '../apps/worker/src/worker-health.server';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../libs/event-store/src/postgres/postgres-test-schemas';
import { type ApiHarness, startApi, tempDatabase } from './support/api-harness';
import { createPost, establishOrganisation, establishUnit } from './support/fixtures';
import { abolishPost, fakeClock, scheduleProgramme } from './support/programme-fixtures';

async function eventually(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The worker on a PostgreSQL log, with a local state file of its own (not the API's): it finds the
 * programme the API scheduled through the log, applies its change on the day, and says so on /health.
 */
describe('the worker with its log in PostgreSQL', () => {
  const schema = freshSchemaName('oc_worker');
  const env = { EVENT_STORE: 'postgres', DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  const workerState = tempDatabase();
  let api: ApiHarness;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startApi({ clock: fakeClock('2026-05-01'), env });
    await establishOrganisation(api, 'trust');
    await establishUnit(api, 'trust', 'div-a');
    await createPost(api, 'cd-a', 'trust', 'div-a');
    await scheduleProgramme(api, 'p1', [abolishPost('abolish-cd', 'cd-a', '2026-09-01')]);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    workerState.remove();
    await dropSchema(schema);
  });

  it('applies the scheduled change on its day, in PostgreSQL, and reports a healthy loop', async () => {
    const config = validateWorkerConfig({ ...env, ORGCHANGE_DB: workerState.file, TIMER_INTERVAL_MS: '1000', WORKER_HEALTH_PORT: '0', LOG_LEVEL: 'silent' });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, fakeClock('2026-09-01')), { logger: false });
    await worker.init();
    const log = await PostgresEventStore.open({ url: TEST_DATABASE_URL, schema });
    try {
      await eventually(async () => (await log.readStream('programme-p1')).some((e) => e.type === 'ProgrammeTookEffect'));
      expect((await log.readStream('post-cd-a')).filter((e) => e.type === 'PostAbolished')).toHaveLength(1);
    } finally {
      await log.close();
    }
    // Healthy = a run ended within three intervals (3 s here). On a loaded machine one run can take longer than
    // that, so the probe is asked until it answers, as Kubernetes asks again before giving up.
    const port = worker.get(WorkerHealthServer).address();
    let body: unknown;
    await eventually(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      body = await res.json();
      return res.status === 200;
    });
    expect(body).toMatchObject({ status: 'up', lastRunFailed: false, notifications: { healthy: true, saga: { running: true, failure: null } } });
    const saga = (body as { notifications: { saga: { handledTo: string; logHead: string; lag: number } } }).notifications.saga;
    expect(saga.lag).toBe(Number(BigInt(saga.logHead) - BigInt(saga.handledTo)));
  });

  it('refuses to start without DATABASE_URL, naming it', () => {
    expect(() => validateWorkerConfig({ EVENT_STORE: 'postgres', ORGCHANGE_DB: workerState.file })).toThrow(/DATABASE_URL is required when EVENT_STORE=postgres/);
  });
});
