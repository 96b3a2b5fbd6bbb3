import { DEMO, recordDemoInto } from '@orgchange/demo-data';
import { type CalendarDate, eventUpcasters } from '@orgchange/domain';
import { chainUpcasters, SqliteEventStore } from '@orgchange/event-store';
import { generateSyntheticHistory, SimulatedClock } from '@orgchange/synth';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadershipProjector } from '../projector/leadership.projector';
import { StructureQuery } from './structure.query';
import { SqlStructureOracle } from './testing/sql-structure.oracle';

/** A small seeded generator (mulberry32), so a failure names a point that can be asked again. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Point = Readonly<{ organisationId: string; at: CalendarDate; position: number }>;

/** Random organisations, dates between `from` and `to`, and positions up to `last`: the same point asked of both. */
function randomPoints(organisations: readonly string[], from: string, to: string, last: number, count: number, seed: number): Point[] {
  const random = seeded(seed);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return Array.from({ length: count }, () => ({
    organisationId: organisations[Math.floor(random() * organisations.length)],
    at: new Date(Date.parse(from) + Math.floor(random() * (days + 1)) * 86_400_000).toISOString().slice(0, 10) as CalendarDate,
    position: 1 + Math.floor(random() * last),
  }));
}

/** The points whose JSON differs between the cached query and the plain SQL one, and how many had a structure. */
function compare(store: SqliteEventStore, points: readonly Point[]): { differing: Point[]; answered: number; withPartnerships: number } {
  const cached = new StructureQuery(store.database);
  const oracle = new SqlStructureOracle(store.database);
  const differing: Point[] = [];
  let answered = 0;
  let withPartnerships = 0;
  for (const point of points) {
    const expected = oracle.structure(point.organisationId, point, 'then');
    if (JSON.stringify(cached.structure(point.organisationId, point, 'then')) !== JSON.stringify(expected)) differing.push(point);
    if (expected && expected.counts.posts > 0) answered += 1;
    if (expected && expected.partnerships.length > 0) withPartnerships += 1;
  }
  return { differing, answered, withPartnerships };
}

/** One StructureQuery answers many points from its cached rows; each answer must be the plain SQL answer, byte for byte. */
describe('StructureQuery gives the JSON of the plain SQL structure', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'orgchange-structure-equivalence-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('over the demo history: partnerships, a transferred service, transfers of employment, corrections', async () => {
    let tick = 0;
    const store = new SqliteEventStore({ file: join(dir, 'demo.sqlite'), now: () => new Date(Date.UTC(2024, 0, 1) + 1000 * tick++), upcast: chainUpcasters(eventUpcasters) });
    try {
      await recordDemoInto(store);
      await new LeadershipProjector(store).rebuild();
      const last = await store.count();
      const organisations = [DEMO.trust, DEMO.communityTrust, DEMO.council];
      const everyPosition = organisations.flatMap((organisationId) =>
        ['2016-01-01', '2017-09-15', '2020-09-30', '2020-10-01', '2021-08-01', '2022-06-01', '2023-01-01'].flatMap((at) =>
          Array.from({ length: last }, (_, i) => ({ organisationId, at: at as CalendarDate, position: i + 1 }))));
      const points = [...everyPosition, ...randomPoints(organisations, '2010-01-01', '2024-12-31', last, 1500, 11)];
      const { differing, answered, withPartnerships } = compare(store, points);
      expect(differing).toEqual([]);
      expect(answered).toBeGreaterThan(points.length / 6);
      expect(withPartnerships).toBeGreaterThan(25);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('for a holder whose registration is recorded after the appointment: no profession until then', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'late-registration.sqlite') });
    const append = (streamId: string, type: string, data: Record<string, unknown>) =>
      store.append(streamId, [{ eventId: randomUUID(), type, version: 1, data, metadata: { actor: 'test', correlationId: 'spec' } }], { expectedVersion: 'any' });
    try {
      await append('organisation-east', 'OrganisationEstablished', { organisationId: 'east', name: 'East Trust', kind: 'nhs-trust', effectiveFrom: '2015-01-01' });
      await append('organisation-east', 'UnitEstablished', { organisationId: 'east', unitId: 'med', name: 'Medicine', kind: 'division', effectiveFrom: '2015-01-01' });
      await append('post-cd', 'PostCreated', { postId: 'cd', organisationId: 'east', unitId: 'med', title: 'Clinical Director', family: 'medical-leadership', grade: 'consultant', maxHolders: 1, effectiveFrom: '2015-01-01' });
      await append('post-cd', 'AppointmentStarted', { postId: 'cd', appointmentId: 'ap-1', personId: 'p-late', kind: 'substantive', effectiveFrom: '2016-01-01' });
      await append('person-p-late', 'PersonRegistered', { personId: 'p-late', profession: 'doctor', effectiveFrom: '2016-01-01' });
      await new LeadershipProjector(store).rebuild();
      const query = new StructureQuery(store.database);
      const profession = (position: number) => query.structure('east', { at: '2016-06-01' as CalendarDate, position }, 'then')?.units[0].posts[0].holders[0].profession;
      expect([profession(4), profession(5)]).toEqual([null, 'doctor']);
      const points = [1, 2, 3, 4, 5].flatMap((position) => ['2015-06-01', '2016-06-01'].map((at) => ({ organisationId: 'east', at: at as CalendarDate, position })));
      expect(compare(store, points).differing).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('over ten years of two synthetic trusts of 300 posts', async () => {
    const clock = new SimulatedClock();
    const store = new SqliteEventStore({ file: join(dir, 'synthetic.sqlite'), synchronous: 'NORMAL', now: clock.now });
    try {
      const counts = await generateSyntheticHistory(store, { organisations: 2, postsPerOrganisation: 300, years: 10, seed: 5, clock });
      await new LeadershipProjector(store).rebuild();
      const points = randomPoints(counts.organisationIds, '2014-06-01', '2025-06-30', counts.events, 1500, 23);
      const { differing, answered } = compare(store, points);
      expect(differing).toEqual([]);
      expect(answered).toBeGreaterThan(points.length / 2);
    } finally {
      await store.close();
    }
  }, 180_000);
});
