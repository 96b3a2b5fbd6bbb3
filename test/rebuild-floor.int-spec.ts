import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, READ_MODEL_TABLES } from '@orgchange/projections';
import { generateSyntheticHistory, SimulatedClock } from '@orgchange/synth';
import { measureRebuildFloor } from '../bench/src/rebuild-floor';

describe('the rebuild floor benchmark, given a small synthetic log whose read model has been rebuilt', () => {
  let dir: string;
  let file: string;
  let events: number;
  let readModelRows: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-floor-'));
    file = join(dir, 'log.sqlite');
    const clock = new SimulatedClock();
    const store = new SqliteEventStore({ file, now: clock.now });
    ({ events } = await generateSyntheticHistory(store, { organisations: 2, postsPerOrganisation: 60, years: 2, seed: 3, clock }));
    await new LeadershipProjector(store).rebuild();
    readModelRows = READ_MODEL_TABLES.reduce((sum, table) => sum + (store.database.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number), 0);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every event, copies every read-model row, and removes its scratch file', () => {
    const scratch = join(dir, 'floor.sqlite');

    const floor = measureRebuildFloor(file, scratch);

    expect(floor.events).toBe(events);
    expect(floor.rows).toBe(readModelRows);
    expect(readModelRows).toBeGreaterThan(events / 2);
    expect(existsSync(scratch)).toBe(false);
  });
});
