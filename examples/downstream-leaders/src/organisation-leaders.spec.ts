import { emptyOrganisation, evolve, leadersOn, type OrganisationLeaders } from './organisation-leaders';

const fold = (...events: [string, Record<string, unknown>][]): OrganisationLeaders =>
  events.reduce((state, [eventType, data]) => evolve(state, { eventType, data }), emptyOrganisation('trust'));

const ceo = ['PostCreated', { postId: 'ceo', unitId: 'board', title: 'Chief Executive', family: 'executive', effectiveFrom: '2020-01-01' }] as [string, Record<string, unknown>];
const ward = ['PostCreated', { postId: 'nurse', unitId: 'ward', title: 'Staff Nurse', family: 'clinical', effectiveFrom: '2020-01-01' }] as [string, Record<string, unknown>];
const start = (appointmentId: string, personId: string, from: string, postId = 'ceo') =>
  ['AppointmentStarted', { postId, appointmentId, personId, kind: 'substantive', effectiveFrom: from }] as [string, Record<string, unknown>];
const end = (appointmentId: string, from: string) => ['AppointmentEnded', { postId: 'ceo', appointmentId, personId: 'x', endReason: 'resigned', effectiveFrom: from }] as [string, Record<string, unknown>];

describe('organisation leaders view', () => {
  it('lists only leadership posts, with the holder of the day', () => {
    const state = fold(ceo, ward, start('a1', 'p1', '2021-01-01'), start('a2', 'p2', '2021-01-01', 'nurse'));
    expect(leadersOn(state, '2022-01-01')).toEqual([
      { postId: 'ceo', title: 'Chief Executive', family: 'executive', holders: [{ personId: 'p1', kind: 'substantive', since: '2021-01-01' }] },
    ]);
  });

  it('treats an ending date as the first day without the post, and shows a vacancy as no holders', () => {
    const state = fold(ceo, start('a1', 'p1', '2021-01-01'), end('a1', '2023-01-01'));
    expect(leadersOn(state, '2022-12-31')[0].holders).toHaveLength(1);
    expect(leadersOn(state, '2023-01-01')[0].holders).toEqual([]);
  });

  it('does not show a post before it exists or from the day it is abolished; a future start is not current yet', () => {
    const state = fold(ceo, start('a1', 'p1', '2030-01-01'), ['PostAbolished', { postId: 'ceo', effectiveFrom: '2031-01-01' }]);
    expect(leadersOn(state, '2019-12-31')).toEqual([]);
    expect(leadersOn(state, '2029-12-31')[0].holders).toEqual([]);
    expect(leadersOn(state, '2030-06-01')[0].holders).toHaveLength(1);
    expect(leadersOn(state, '2031-01-01')).toEqual([]);
  });

  it('loses an ending delivered before its start, leaving the holder in post: why the view needs per-key order', () => {
    const state = fold(ceo, end('a1', '2023-01-01'), start('a1', 'p1', '2021-01-01'));
    expect(leadersOn(state, '2024-01-01')[0].holders).toHaveLength(1);
  });

  it('keeps the name and closure of the organisation, also when it is merged away', () => {
    const state = fold(
      ['OrganisationEstablished', { organisationId: 'trust', name: 'Old Trust', effectiveFrom: '2000-01-01' }],
      ['OrganisationRenamed', { organisationId: 'trust', name: 'New Trust', effectiveFrom: '2010-01-01' }],
      ['OrganisationsMerged', { predecessorIds: ['trust', 'other'], successorId: 'big', effectiveFrom: '2025-04-01' }],
    );
    expect(state).toMatchObject({ name: 'New Trust', closedFrom: '2025-04-01' });
  });
});
