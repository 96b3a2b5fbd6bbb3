import type { DomainEvent } from '@orgchange/domain';
import { InMemoryEventStore } from '@orgchange/event-store';
import { organisationEstablished, unitEstablished } from '@orgchange/testing';
import { analysisRows } from './analysis-rows';
import { calendarPeriods } from './periods';
import { replayLog } from './replay';
import { streamOf } from './testing/given-log';

const metadata = { actor: 'test', correlationId: 'c' };

/** A store whose clock reads each day of January 2024 in turn, one per append, so known-at can fall between appends. */
async function storeOf(events: readonly (DomainEvent & { eventId: string })[]): Promise<InMemoryEventStore> {
  let tick = 0;
  const store = new InMemoryEventStore({ now: () => new Date(Date.UTC(2024, 0, 1 + tick++)) });
  for (const event of events) await store.append(streamOf(event, 'trust'), [{ ...event, metadata }], { expectedVersion: 'any' });
  return store;
}

const openUnits = async (store: InMemoryEventStore, knownAt?: string) => {
  const { model } = await replayLog(store, { knownAt, pageSize: 2 });
  return [...analysisRows(model, { periods: calendarPeriods('2020-01-01' as never, '2020-12-31' as never, 'year'), by: 'all', metrics: ['open-units'], minGroup: 5 })].map((r) => r.value);
};

describe('given three units, one retracted and one corrected to open a year later, each fact recorded on its own day', () => {
  const history = [
    { ...organisationEstablished('trust', '2015-01-01'), eventId: 'e-1' },
    { ...unitEstablished('trust', 'kept', '2015-01-01'), eventId: 'e-2' },
    { ...unitEstablished('trust', 'mistake', '2015-01-01'), eventId: 'e-3' },
    { ...unitEstablished('trust', 'late', '2020-01-01'), eventId: 'e-4' },
    { type: 'EventRetracted', version: 1, data: { targetEventId: 'e-3', reason: 'recorded in error' }, eventId: 'e-5' },
    { type: 'EventCorrected', version: 1, data: { targetEventId: 'e-4', targetType: 'UnitEstablished', correctedData: { effectiveFrom: '2021-01-01' }, reason: 'later' }, eventId: 'e-6' },
  ];

  it('honours the retraction and the correction: one unit open in 2020', async () => expect(await openUnits(await storeOf(history))).toEqual([1]));

  it('as known before the retraction, counts every unit', async () => expect(await openUnits(await storeOf(history), '2024-01-04T12:00:00.000Z')).toEqual([3]));

  it('as known after the retraction but before the correction, counts the late unit in 2020', async () =>
    expect(await openUnits(await storeOf(history), '2024-01-05T12:00:00.000Z')).toEqual([2]));

  it('as known before the third unit was recorded, ignores it', async () => expect(await openUnits(await storeOf(history), '2024-01-03T00:00:00.000Z')).toEqual([2]));

  it('reports what it read', async () =>
    expect(await replayLog(await storeOf(history), { knownAt: '2024-01-05T12:00:00.000Z' })).toMatchObject({ eventsInLog: 6, eventsApplied: 3, eventsRecordedAfterKnownAt: 1, retractedOrCorrected: 1 }));
});

describe('given a log of two events and a caller that counted them already', () => {
  it('reports progress against that count and does not count the log again', async () => {
    const store = await storeOf([{ ...organisationEstablished('trust', '2015-01-01'), eventId: 'e-1' }, { ...unitEstablished('trust', 'kept', '2015-01-01'), eventId: 'e-2' }]);
    const count = jest.spyOn(store, 'count');
    const totals: number[] = [];
    await replayLog(store, { total: 2, onProgress: (p) => totals.push(p.total) });
    expect([count.mock.calls.length, [...new Set(totals)]]).toEqual([0, [2]]);
  });

  it('without progress, does not count the log at all', async () => {
    const store = await storeOf([{ ...organisationEstablished('trust', '2015-01-01'), eventId: 'e-1' }]);
    const count = jest.spyOn(store, 'count');
    expect((await replayLog(store)).eventsInLog).toBe(1);
    expect(count).not.toHaveBeenCalled();
  });
});
