import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { appointmentEnded, appointmentStarted, organisationEstablished, postCreated, unitEstablished } from '@orgchange/testing';
import { writeRowsCsv } from './analysis-output';
import { analysisRows } from './analysis-rows';
import { calendarPeriods } from './periods';
import { replayLog } from './replay';
import { streamOf } from './testing/given-log';

const metadata = { actor: 'test', correlationId: 'c' };

describe('given a small log in a real SQLite file: a trust, a unit, a post held then left, and a retracted appointment', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orgchange-analysis-'));
    store = new SqliteEventStore({ file: join(dir, 'log.sqlite'), upcast: chainUpcasters(eventUpcasters) });
    const events = [
      organisationEstablished('trust', '2019-01-01'),
      unitEstablished('trust', 'surgery', '2019-01-01'),
      postCreated('cd', '2019-01-01'),
      appointmentStarted('cd', 'a-1', 'p-1', '2019-01-01'),
      appointmentEnded('cd', 'a-1', 'p-1', '2019-07-01'),
      appointmentStarted('cd', 'a-2', 'p-2', '2019-09-01'),
    ];
    for (const [i, event] of events.entries()) await store.append(streamOf(event), [{ ...event, eventId: `e-${i + 1}`, metadata }], { expectedVersion: 'any' });
    await store.append('post-cd', [{ type: 'EventRetracted', version: 1, data: { targetEventId: 'e-6', reason: 'wrong person' }, eventId: 'e-7', metadata }], { expectedVersion: 'any' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays it page by page and writes exactly these CSV rows', async () => {
    const { model } = await replayLog(store, { pageSize: 3 });
    const rows = analysisRows(model, { periods: calendarPeriods('2019-01-01' as never, '2019-12-31' as never, 'quarter'), by: 'organisation', metrics: ['open-units', 'vacancy-rate', 'leadership-churn'], minGroup: 1 });

    expect(await writeRowsCsv(dir, rows)).toBe(12);
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe(
      [
        'period_start,period_end,group,metric,value,suppressed',
        '2019-01-01,2019-03-31,trust,open-units,1,false',
        '2019-01-01,2019-03-31,trust,vacancy-rate,0,false',
        '2019-01-01,2019-03-31,trust,leadership-churn,0,false',
        '2019-04-01,2019-06-30,trust,open-units,1,false',
        '2019-04-01,2019-06-30,trust,vacancy-rate,0,false',
        '2019-04-01,2019-06-30,trust,leadership-churn,1,false',
        '2019-07-01,2019-09-30,trust,open-units,1,false',
        '2019-07-01,2019-09-30,trust,vacancy-rate,1,false',
        '2019-07-01,2019-09-30,trust,leadership-churn,,true',
        '2019-10-01,2019-12-31,trust,open-units,1,false',
        '2019-10-01,2019-12-31,trust,vacancy-rate,1,false',
        '2019-10-01,2019-12-31,trust,leadership-churn,,true',
        '',
      ].join('\n'),
    );
  });
});
