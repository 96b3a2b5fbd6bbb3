import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { validateWorkerConfig } from '../apps/worker/src/worker-config';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { type ApiHarness, startApi } from './support/api-harness';
import { createPost, establishOrganisation, establishUnit } from './support/fixtures';
import { abolishPost, fakeClock, scheduleProgramme } from './support/programme-fixtures';

/** Resolves once `condition` holds, checking every few milliseconds, or fails after `timeoutMs`. */
async function eventually(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The worker application, on the file the API writes, with its own (fake) clock. */
describe('the worker', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext | undefined;

  beforeEach(async () => {
    api = await startApi({ clock: fakeClock('2026-05-01') });
    await establishOrganisation(api, 'trust');
    await establishUnit(api, 'trust', 'div-a');
    await createPost(api, 'cd-a', 'trust', 'div-a');
    await scheduleProgramme(api, 'p1', [abolishPost('abolish-cd', 'cd-a', '2026-09-01')]);
  });
  afterEach(async () => {
    await worker?.close();
    await api.close();
  });

  const startWorker = async (today: string) => {
    const config = validateWorkerConfig({ ORGCHANGE_DB: api.database.file, TIMER_INTERVAL_MS: '100', LOG_LEVEL: 'silent' });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, fakeClock(today)), { logger: false });
    await worker.init();
  };
  const programmeTypes = async () => (await api.store.readStream('programme-p1')).map((e) => e.type);

  it('applies a scheduled change once its day has come, and only once', async () => {
    await startWorker('2026-09-01');

    await eventually(async () => (await programmeTypes()).includes('ProgrammeTookEffect'));
    await worker!.close();
    worker = undefined;

    expect((await programmeTypes()).filter((type) => type === 'PlannedChangeApplied')).toHaveLength(1);
    expect((await api.store.readStream('post-cd-a')).filter((e) => e.type === 'PostAbolished')).toHaveLength(1);
  });

  it('leaves a change alone before its day (closing waits for the first run to end)', async () => {
    await startWorker('2026-08-31');
    const before = await api.eventCount();

    await worker!.close();
    worker = undefined;

    expect(await api.eventCount()).toBe(before);
    expect(await programmeTypes()).not.toContain('PlannedChangeApplied');
  });
});
