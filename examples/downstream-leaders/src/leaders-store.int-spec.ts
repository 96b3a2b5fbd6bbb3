import type { OrgchangeEvent } from './cloud-event';
import { LeadersStore } from './leaders-store';

const origin = (offset: number, replay = false) => ({ topic: 't', partition: 0, offset: String(offset), key: 'trust', replay });
const event = (id: string, position: number, eventType: string, data: Record<string, unknown>, version = 1): OrgchangeEvent => ({
  id,
  eventType,
  version,
  subject: 'post-ceo',
  time: '2026-01-01T00:00:00Z',
  position: BigInt(position),
  data,
});
const created = event('e1', 1, 'PostCreated', { postId: 'ceo', unitId: 'b', title: 'CEO', family: 'executive', effectiveFrom: '2020-01-01' });
const started = event('e2', 2, 'AppointmentStarted', { postId: 'ceo', appointmentId: 'a1', personId: 'p1', kind: 'substantive', effectiveFrom: '2021-01-01' });

describe('LeadersStore (SQLite in memory)', () => {
  let store: LeadersStore;
  beforeEach(() => (store = new LeadersStore(':memory:')));
  afterEach(() => store.close());

  it('applies an id once: a redelivery and a replay are counted as duplicates and change nothing', () => {
    expect(store.apply(created, origin(0))).toBe('applied');
    expect(store.apply(started, origin(1))).toBe('applied');
    expect(store.apply(started, origin(1))).toBe('duplicate');
    expect(store.apply(started, origin(9, true))).toBe('duplicate');
    expect(store.leaders('trust', '2022-01-01')![0].holders).toHaveLength(1);
    expect(store.stats()).toEqual({ applied: 2, duplicates: 2, ignored: 0, replays: 1, rejected: 0, outOfOrder: 0 });
  });

  it('counts a live message older than the last applied for its key as out of order', () => {
    store.apply(started, origin(0));
    store.apply(created, origin(1));
    expect(store.stats().outOfOrder).toBe(1);
  });

  it('refuses a schema version it was not written for, storing nothing, and records rejections', () => {
    expect(() => store.apply(event('e3', 3, 'AppointmentStarted', {}, 2), origin(2))).toThrow(/AppointmentStarted v2 is not understood/);
    store.reject(origin(2), 'AppointmentStarted v2 is not understood');
    expect(store.stats()).toMatchObject({ applied: 0, rejected: 1 });
    expect(store.organisationIds()).toEqual([]);
  });

  it('rolls back a message whose data breaks the view, so it is not marked seen', () => {
    expect(() => store.apply(event('e4', 4, 'PostCreated', { postId: 'x' }), origin(3))).toThrow(/data.title must be a string/);
    expect(store.apply(event('e4', 4, 'PostCreated', { postId: 'x', unitId: 'u', title: 'T', family: 'executive', effectiveFrom: '2020-01-01' }), origin(3))).toBe('applied');
  });

  it('refolds on a correction (laid over its target) and on a retraction (target left out)', () => {
    store.apply(created, origin(0));
    store.apply(started, origin(1));
    store.apply(event('e5', 5, 'EventCorrected', { targetEventId: 'e2', targetType: 'AppointmentStarted', correctedData: { effectiveFrom: '2022-06-01' }, reason: 'r' }), origin(2));
    expect(store.leaders('trust', '2022-01-01')![0].holders).toEqual([]);
    expect(store.leaders('trust', '2022-06-01')![0].holders).toEqual([{ personId: 'p1', kind: 'substantive', since: '2022-06-01' }]);
    store.apply(event('e6', 6, 'EventRetracted', { targetEventId: 'e2', reason: 'r' }), origin(3));
    expect(store.leaders('trust', '2023-01-01')![0].holders).toEqual([]);
  });

  it('applies a correction that arrives before its target (they travel on different topics) once the target comes', () => {
    store.apply(created, origin(0));
    store.apply(event('e8', 8, 'EventRetracted', { targetEventId: 'e2', reason: 'r' }), { ...origin(0), topic: 'restructures' });
    store.apply(started, origin(1));
    expect(store.leaders('trust', '2023-01-01')![0].holders).toEqual([]);
  });

  it('checks order per topic and key: an older position on another topic is not out of order', () => {
    store.apply(started, origin(0));
    store.apply(event('e9', 1, 'OrganisationEstablished', { organisationId: 'trust', name: 'Trust', effectiveFrom: '2000-01-01' }), { ...origin(0), topic: 'restructures' });
    expect(store.stats().outOfOrder).toBe(0);
    expect(store.organisation('trust')?.name).toBe('Trust');
  });

  it('marks events of other types seen without changing the view', () => {
    expect(store.apply(event('e7', 7, 'UnitMoved', { unitId: 'u' }), origin(4))).toBe('ignored');
    expect(store.apply(event('e7', 7, 'UnitMoved', { unitId: 'u' }), origin(4))).toBe('duplicate');
  });
});
