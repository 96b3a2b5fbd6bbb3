import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarDate } from '@orgchange/domain';
import { SqliteEventStore } from '@orgchange/event-store';
import { organisationEstablished, unitEstablished } from '@orgchange/testing';
import { runAnalyseOverLog } from '../bench/src/analyse-bench';

describe('the analyse benchmark, given a log of a trust and one unit in a SQLite file', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-analyse-bench-'));
    file = join(dir, 'log.sqlite');
    const store = new SqliteEventStore({ file });
    for (const [i, event] of [organisationEstablished('trust', '2019-01-01'), unitEstablished('trust', 'surgery', '2019-01-01')].entries()) {
      await store.append('organisation-trust', [{ ...event, eventId: `e-${i}`, metadata: { actor: 'test', correlationId: 'c' } }], { expectedVersion: 'any' });
    }
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replays it and computes every metric by kind for each quarter, reporting the events, rate and memory', async () => {
    const result = await runAnalyseOverLog(file, { from: '2019-01-01' as CalendarDate, to: '2019-12-31' as CalendarDate });

    // One group (nhs-trust) × four quarters × 22 metric rows (12 of them restructure kinds).
    expect(result).toMatchObject({ events: 2, rows: 4 * 22 });
    expect([result.seconds, result.eventsPerSec, result.peakRssMiB].every((n) => Number.isFinite(n) && n >= 0)).toBe(true);
  });
});
