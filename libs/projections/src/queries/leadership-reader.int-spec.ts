import { randomUUID } from 'node:crypto';
import type { CalendarDate } from '@orgchange/domain';
import { SqliteEventStore } from '@orgchange/event-store';
import { LeadershipProjector } from '../projector/leadership.projector';
import { LeadershipReader } from './leadership-reader';

const day = (iso: string) => iso as CalendarDate;
const T1 = '2024-01-01T09:00:00.000Z';
const T2 = '2024-02-01T09:00:00.000Z';
const T3 = '2024-03-01T09:00:00.000Z';

/**
 * Given, recorded at T1: trust east (code RX1) with divisions a, x, y; b absorbs a and x (2017-04-01), c absorbs b
 * and y (2019-04-01); trust west (RX2) open 2010-04-01, closed from 2020-04-01; a post cd in a held by p-1 and,
 * from the merger, cd-c in c held by p-1 again. At T2: c renamed (2020-01-01). At T3: the rename retracted.
 */
describe('LeadershipReader over a SQLite store', () => {
  let recordedAt = T1;
  const store = new SqliteEventStore({ file: ':memory:', now: () => new Date(recordedAt) });
  const projector = new LeadershipProjector(store);
  const reader = new LeadershipReader(store, projector, () => new Date('2024-06-01T12:00:00Z'));
  let renameId: string;

  const append = async (streamId: string, type: string, data: Record<string, unknown>): Promise<string> => {
    const eventId = randomUUID();
    await store.append(streamId, [{ eventId, type, version: 1, data, metadata: { actor: 'test', correlationId: 'spec' } }], { expectedVersion: 'any' });
    return eventId;
  };
  const unit = (unitId: string, on: string) => append('organisation-east', 'UnitEstablished', { organisationId: 'east', unitId, name: `Division ${unitId}`, kind: 'division', effectiveFrom: on });
  const post = (postId: string, unitId: string, on: string) =>
    append(`post-${postId}`, 'PostCreated', { postId, organisationId: 'east', unitId, title: `Clinical Director ${unitId}`, family: 'medical-leadership', grade: 'consultant', maxHolders: 1, groupRole: 'clinical-director', effectiveFrom: on });

  beforeAll(async () => {
    await append('organisation-east', 'OrganisationEstablished', { organisationId: 'east', name: 'East Trust', kind: 'nhs-trust', externalCode: 'RX1', effectiveFrom: '2012-04-01' });
    for (const id of ['a', 'x', 'y']) await unit(id, '2015-04-01');
    await unit('b', '2017-04-01');
    await append('organisation-east', 'UnitsMerged', { organisationId: 'east', unitIds: ['a', 'x'], successorUnitId: 'b', effectiveFrom: '2017-04-01' });
    await unit('c', '2019-04-01');
    await append('organisation-east', 'UnitsMerged', { organisationId: 'east', unitIds: ['b', 'y'], successorUnitId: 'c', effectiveFrom: '2019-04-01' });
    await append('organisation-west', 'OrganisationEstablished', { organisationId: 'west', name: 'West Trust', kind: 'nhs-trust', externalCode: 'RX2', effectiveFrom: '2010-04-01' });
    await append('organisation-west', 'OrganisationClosed', { organisationId: 'west', effectiveFrom: '2020-04-01' });
    await append('person-p-1', 'PersonRegistered', { personId: 'p-1', profession: 'doctor', effectiveFrom: '2015-01-01' });
    await post('cd', 'a', '2015-04-01');
    await append('post-cd', 'AppointmentStarted', { postId: 'cd', appointmentId: 'ap-1', personId: 'p-1', kind: 'substantive', effectiveFrom: '2015-04-01' });
    await append('post-cd', 'AppointmentEnded', { postId: 'cd', appointmentId: 'ap-1', personId: 'p-1', endReason: 'restructured-out', effectiveFrom: '2017-04-01' });
    await post('cd-b', 'b', '2017-04-01');
    await append('post-cd-b', 'AppointmentStarted', { postId: 'cd-b', appointmentId: 'ap-2', personId: 'p-1', kind: 'substantive', effectiveFrom: '2017-04-01' });
    recordedAt = T2;
    renameId = await append('organisation-east', 'UnitRenamed', { organisationId: 'east', unitId: 'c', name: 'Division C, renamed', effectiveFrom: '2020-01-01' });
    recordedAt = T3;
    await append('organisation-east', 'EventRetracted', { targetEventId: renameId, reason: 'the rename never went ahead' });
  });
  afterAll(() => store.close());

  it('catches the projector up before the first read', async () => {
    expect(projector.checkpoint()).toBe(0n);

    expect((await reader.resolveOrganisation('east')).ok).toBe(true);
    expect(projector.checkpoint()).toBe(BigInt(await store.count()));
  });

  it('resolves an organisation by external code, whatever its case', async () => {
    expect(await reader.resolveOrganisation('rx1')).toMatchObject({ ok: true, value: { organisationId: 'east', code: 'RX1' } });
    expect(await reader.resolveOrganisation('RX9')).toMatchObject({ ok: false, code: 'OrganisationNotFound' });
  });

  it('lists a closed organisation up to and including its last day, giving that day as closedOn', async () => {
    const onLastDay = await reader.organisationsOpenOn('nhs-trust', day('2020-03-31'));
    const dayAfter = await reader.organisationsOpenOn('nhs-trust', day('2020-04-01'));

    expect(onLastDay.organisations).toEqual([
      { organisationId: 'east', code: 'RX1', name: 'East Trust', kind: 'nhs-trust', openedOn: '2012-04-01', closedOn: null },
      { organisationId: 'west', code: 'RX2', name: 'West Trust', kind: 'nhs-trust', openedOn: '2010-04-01', closedOn: '2020-03-31' },
    ]);
    expect(dayAfter.organisations.map((o) => o.organisationId)).toEqual(['east']);
  });

  it('follows lineage both ways, recursively, with depths', async () => {
    const c = await reader.unitLineage('c');
    const a = await reader.unitLineage('a');

    expect(c.ok && c.value.predecessors.map((l) => [l.fromUnitId, l.toUnitId, l.depth])).toEqual([['b', 'c', 1], ['y', 'c', 1], ['a', 'b', 2], ['x', 'b', 2]]);
    expect(a.ok && a.value.successors.map((l) => [l.fromUnitId, l.toUnitId, l.relation, l.effectiveFrom, l.depth])).toEqual([
      ['a', 'b', 'merged', '2017-04-01', 1],
      ['b', 'c', 'merged', '2019-04-01', 2],
    ]);
  });

  it('shows a rename as known between its recording and its retraction, and not before or after', async () => {
    const renames = async (knownAt?: string) => {
      const result = await reader.unitLineage('c', knownAt);
      return result.ok ? result.value.renames.map((r) => r.toName) : undefined;
    };

    expect(await renames(T1)).toEqual([]);
    expect(await renames(T2)).toEqual(['Division C, renamed']);
    expect(await renames()).toEqual([]);
  });

  it('marks a retracted change in the log once the retraction is known', async () => {
    const entry = async (knownAt?: string) => {
      const result = await reader.changes('east', { from: day('2020-01-01'), to: day('2020-01-01') }, knownAt);
      return result.ok ? result.value.entries : [];
    };

    expect((await entry(T1)).map((e) => e.eventId)).toEqual([]);
    expect(await entry(T2)).toEqual([expect.objectContaining({ eventId: renameId, type: 'UnitRenamed', retracted: null })]);
    expect((await entry())[0].retracted).toMatchObject({ reason: 'the rename never went ahead', recordedAt: T3 });
  });

  it('joins a career across a merger into one unbroken spell', async () => {
    const career = await reader.personCareer('p-1');

    expect(career.ok && career.value.holdings.map((h) => [h.postId, h.unitName, h.from, h.until])).toEqual([
      ['cd', 'Division a', '2015-04-01', '2017-04-01'],
      ['cd-b', 'Division b', '2017-04-01', null],
    ]);
    expect(career.ok && career.value.tenure).toEqual([
      { role: 'clinical-director', from: '2015-04-01', until: null, appointmentIds: ['ap-1', 'ap-2'], postIds: ['cd', 'cd-b'], kinds: ['substantive'] },
    ]);
  });

  it('answers "not found" for what the record does not hold, or did not hold yet', async () => {
    expect(await reader.postTimeline('nope')).toMatchObject({ ok: false, code: 'PostNotFound' });
    expect(await reader.personCareer('p-1', '2023-12-31T00:00:00Z')).toMatchObject({ ok: false, code: 'PersonNotFound' });
    expect(await reader.unitLineage('nope')).toMatchObject({ ok: false, code: 'UnitNotFound' });
    expect(await reader.structure('east', day('2011-01-01'))).toMatchObject({ ok: false, code: 'OrganisationNotOpen' });
  });

  it('diffs one date as known at two instants', async () => {
    const diff = await reader.diff('east', { at: day('2021-01-01'), knownAt: T1 }, { at: day('2021-01-01'), knownAt: T2 });

    expect(diff.ok && diff.value.units.renamed).toEqual([{ unitId: 'c', fromName: 'Division c', toName: 'Division C, renamed' }]);
    expect(diff.ok && [diff.value.from.asOfPosition < diff.value.to.asOfPosition, diff.value.posts.created]).toEqual([true, []]);
  });
});
