import { organisationsHoldingCopies } from './boundary.commands';

const on = { effectiveFrom: '2021-04-01' };

describe('organisationsHoldingCopies', () => {
  it.each([
    ['OrganisationsMerged', { ...on, predecessorIds: ['a', 'b'], successorId: 'c' }, ['a', 'b', 'c']],
    ['OrganisationSplit', { ...on, predecessorId: 'a', successorIds: ['b', 'c'] }, ['a', 'b', 'c']],
    ['ServiceTransferred', { ...on, unitId: 'u', unitName: 'U', unitKind: 'service', fromOrganisationId: 'a', toOrganisationId: 'b', employingOrganisationId: 'a' }, ['a', 'b']],
    ['MembershipChanged', { ...on, groupOrganisationId: 'g', memberOrganisationId: 'm', change: 'joined' }, ['g', 'm']],
    ['BoundaryRedrawn', { ...on, fromOrganisationId: 'a', toOrganisationId: 'b', description: 'ward 7' }, ['a', 'b']],
    ['EmploymentTransferred', { ...on, hostOrganisationId: 'h', unitId: 'u', personIds: ['p'], fromEmployerId: 'h', toEmployerId: 'c' }, ['h', 'c']],
  ])('given %s, then every organisation it names holds a copy, each once', (type, data, expected) => {
    expect(organisationsHoldingCopies({ type, data })).toEqual(expected);
  });

  it.each(['UnitEstablished', 'AppointmentStarted', 'EventCorrected', 'constructor', 'toString'])('given %s, then there are no copies', (type) => {
    expect(organisationsHoldingCopies({ type, data: {} })).toBeUndefined();
  });
});
