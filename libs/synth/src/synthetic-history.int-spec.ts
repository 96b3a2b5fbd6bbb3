import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarDate } from '@orgchange/domain';
import { type RecordedEvent, SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector, StructureQuery } from '@orgchange/projections';
import { generateSyntheticHistory, SimulatedClock, type SyntheticHistoryCounts } from './index';

const SMALL = { organisations: 1, postsPerOrganisation: 100, years: 3 } as const;

type Generated = { store: SqliteEventStore; counts: SyntheticHistoryCounts; log: RecordedEvent[] };

describe('a small synthetic history (1 trust, 100 posts, 3 years)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orgchange-synth-'));
  const stores: SqliteEventStore[] = [];

  async function generate(name: string, seed: number): Promise<Generated> {
    const clock = new SimulatedClock();
    const store = new SqliteEventStore({ file: join(dir, `${name}.sqlite`), now: clock.now });
    stores.push(store);
    // Any rule the generator broke would throw SyntheticHistoryError here.
    const counts = await generateSyntheticHistory(store, { ...SMALL, seed, clock });
    const log: RecordedEvent[] = [];
    for (let page = await store.readAll({ limit: 10_000 }); page.length > 0; page = await store.readAll({ after: page[page.length - 1].globalPosition, limit: 10_000 })) log.push(...page);
    return { store, counts, log };
  }

  let first: Generated;
  beforeAll(async () => {
    first = await generate('first', 7);
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends every event it decided, and has each kind of change', () => {
    const { counts, log } = first;
    expect(log).toHaveLength(counts.events);
    expect(counts.posts).toBeGreaterThanOrEqual(100);
    for (const type of ['PersonRegistered', 'AppointmentStarted', 'AppointmentEnded', 'UnitsMerged', 'UnitSplit', 'UnitRenamed', 'UnitMoved', 'PostAbolished', 'EventCorrected']) {
      expect(counts.eventsByType[type] ?? 0).toBeGreaterThan(0);
    }
  });

  it('registers every person before their first appointment', () => {
    const registered = new Set<string>();
    for (const event of first.log) {
      const data = event.data as { personId?: string };
      if (event.type === 'PersonRegistered') registered.add(data.personId!);
      if (event.type === 'AppointmentStarted') expect(registered.has(data.personId!)).toBe(true);
    }
  });

  it('records acting cover for seconded holders', () => {
    expect(first.log.some((e) => e.type === 'AppointmentStarted' && (e.data as { coveringForPersonId?: string }).coveringForPersonId !== undefined)).toBe(true);
  });

  it('keeps recorded time in step with the history, never before an effective date', () => {
    for (const event of first.log) {
      const effectiveFrom = (event.data as { effectiveFrom?: string }).effectiveFrom;
      if (effectiveFrom && event.type !== 'UnitRenamed' && event.type !== 'AppointmentStarted') expect(event.recordedAt.slice(0, 10) >= effectiveFrom).toBe(true);
    }
    expect(first.log[0].recordedAt.startsWith('2015-01-01')).toBe(true);
  });

  it('projects into structures with holders on dates across the history', async () => {
    const projector = new LeadershipProjector(first.store);
    const { applied } = await projector.rebuild();
    expect(applied).toBe(first.counts.events);
    const query = new StructureQuery(first.store.database);
    for (const at of ['2015-01-01', '2016-06-30', '2017-12-31'] as CalendarDate[]) {
      const view = query.structure(first.counts.organisationIds[0], { at, position: applied }, 'now');
      expect(view?.counts.units).toBeGreaterThan(10);
      expect(view?.counts.posts).toBeGreaterThan(90);
      const holders = view!.units.flatMap(function all(u): number[] {
        return [...u.posts.map((p) => p.holders.length), ...u.children.flatMap(all)];
      });
      expect(holders.reduce((a, b) => a + b, 0)).toBeGreaterThan(60);
    }
  });

  it('gives the same events, ids and recorded times for the same seed', async () => {
    const again = await generate('again', 7);
    expect(again.log).toEqual(first.log);
  });

  it('gives a different history for another seed', async () => {
    const other = await generate('other', 8);
    expect(other.counts.organisationIds).not.toEqual(first.counts.organisationIds);
    const ids = new Set(first.log.map((e) => e.eventId));
    expect(other.log.some((e) => ids.has(e.eventId))).toBe(false);
  });
});
