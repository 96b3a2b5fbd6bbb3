import { acrossStreamsSpecification, day, organisationClosed, organisationEstablished, unitDissolved, unitEstablished, unitMoved } from '@orgchange/testing';
import { organisationDecider } from '../organisations/organisation.decider';
import type { OrganisationState, UnitRecord } from '../organisations/organisation.state';
import type { TransferEmployment, TransferService } from './boundary.commands';
import type { EmploymentTransferred, ServiceTransferred } from './boundary.events';
import { decideAcrossOrganisations } from './cross-organisation.decider';

const spec = acrossStreamsSpecification(organisationDecider, decideAcrossOrganisations);
const on = '2024-04-01';

const transfer = (unitId: string, more: Partial<TransferService['data']> = {}): TransferService => ({
  type: 'TransferService',
  data: { unitId, fromOrganisationId: 'acute', toOrganisationId: 'community', toParentUnitId: 'adult-services', effectiveFrom: day(on), ...more },
});
const transferred = (employingOrganisationId: string, date = on): ServiceTransferred => ({
  type: 'ServiceTransferred',
  version: 1,
  data: {
    unitId: 'district-nursing',
    unitName: 'Unit district-nursing',
    unitKind: 'team',
    fromOrganisationId: 'acute',
    toOrganisationId: 'community',
    toParentUnitId: 'adult-services',
    employingOrganisationId,
    effectiveFrom: day(date),
  },
});
const transferEmployment = (more: Partial<TransferEmployment['data']> = {}): TransferEmployment => ({
  type: 'TransferEmployment',
  data: { hostOrganisationId: 'community', unitId: 'adult-services', personIds: ['p-1', 'p-2'], fromEmployerId: 'acute', toEmployerId: 'council', effectiveFrom: day(on), ...more },
});
const unitIn = (state: OrganisationState, unitId: string): UnitRecord | undefined => (state.status === 'established' ? state.units[unitId] : undefined);

const acute = [
  organisationEstablished('acute', '2010-04-01'),
  unitEstablished('acute', 'community-services', '2010-04-01'),
  unitEstablished('acute', 'district-nursing', '2015-04-01', { kind: 'team', parentUnitId: 'community-services' }),
];
const community = [organisationEstablished('community', '2012-04-01'), unitEstablished('community', 'adult-services', '2012-04-01')];
const council = [organisationEstablished('council', '1974-04-01')];
const orgs = { acute, community, council };

describe('given an acute trust with a district nursing team and a community trust', () => {
  it('records the transfer in both organisations, employed by the gaining one by default', () =>
    spec.given(orgs).when(transfer('district-nursing')).then({ acute: [transferred('community')], community: [transferred('community')] }));

  it('closes the team in the losing organisation and opens it under the new parent in the gaining one', () => {
    const event = transferred('community');
    const states = spec.given(orgs).when(transfer('district-nursing')).thenStates({ acute: [event], community: [event] });
    expect(unitIn(states.acute, 'district-nursing')).toMatchObject({ closedOn: on, closure: 'transferred-out' });
    expect(unitIn(states.community, 'district-nursing')).toMatchObject({ establishedOn: on, kind: 'team', parents: [{ from: on, value: 'adult-services' }] });
    expect(unitIn(states.community, 'district-nursing')).not.toHaveProperty('employingOrganisationId');
  });

  it('keeps the staff employed by the losing organisation when asked', () => {
    const event = transferred('acute');
    const states = spec.given(orgs).when(transfer('district-nursing', { employingOrganisationId: 'acute' })).thenStates({ acute: [event], community: [event] });
    expect(unitIn(states.community, 'district-nursing')).toMatchObject({ employingOrganisationId: 'acute' });
    expect(unitIn(states.community, 'district-nursing')?.closedOn).toBeUndefined();
  });

  it('rejects an employer that is neither the losing nor the gaining organisation', () =>
    spec.given(orgs).when(transfer('district-nursing', { employingOrganisationId: 'council' })).thenRejects('EmployerNotInvolved'));

  it('rejects a transfer within one organisation', () =>
    spec.given(orgs).when(transfer('district-nursing', { toOrganisationId: 'acute', toParentUnitId: undefined })).thenRejects('TransferWithinOrganisation'));

  it('rejects a unit that still has an open team under it', () => spec.given(orgs).when(transfer('community-services')).thenRejects('UnitHasOpenChildren'));

  it('rejects a unit that a team is scheduled to move under later', () =>
    spec
      .given({ ...orgs, acute: [...acute, unitEstablished('acute', 'therapies', '2016-04-01'), unitMoved('acute', 'therapies', '2025-01-01', undefined, 'district-nursing')] })
      .when(transfer('district-nursing'))
      .thenRejects('UnitHasOpenChildren'));

  it('rejects a unit the losing organisation does not have', () => spec.given(orgs).when(transfer('adult-services')).thenRejects('UnitNotOpen'));

  it('rejects a transfer before the team was established', () =>
    spec.given(orgs).when(transfer('district-nursing', { effectiveFrom: day('2015-03-31') })).thenRejects('UnitNotOpen'));

  it('rejects a unit id the gaining organisation already uses', () =>
    spec.given({ ...orgs, community: [...community, unitEstablished('community', 'district-nursing', '2013-01-01')] }).when(transfer('district-nursing')).thenRejects('UnitAlreadyExists'));

  it('rejects a new parent that is not open in the gaining organisation', () =>
    spec.given(orgs).when(transfer('district-nursing', { toParentUnitId: 'community-services' })).thenRejects('ParentUnitNotOpen'));

  it('rejects a transfer to a closed organisation', () =>
    spec.given({ ...orgs, community: [...community, organisationClosed('community', '2024-01-01')] }).when(transfer('district-nursing')).thenRejects('OrganisationNotOpen'));

  it('rejects an impossible effective date', () =>
    spec.given(orgs).when(transfer('district-nursing', { effectiveFrom: day('2023-02-30') })).thenRejects('InvalidCalendarDate'));
});

describe('given a dissolved team', () => {
  const history = { ...orgs, acute: [...acute, unitDissolved('acute', 'district-nursing', on)] };

  it('rejects transferring it on the day it is dissolved', () => spec.given(history).when(transfer('district-nursing')).thenRejects('UnitNotOpen'));

  it('accepts a backdated transfer while it was open', () =>
    spec.given(history).when(transfer('district-nursing', { effectiveFrom: day('2024-03-31') })).then({
      acute: [transferred('community', '2024-03-31')],
      community: [transferred('community', '2024-03-31')],
    }));
});

describe('given a team hosted by a community trust with staff employed by the acute trust', () => {
  const moved: EmploymentTransferred = {
    type: 'EmploymentTransferred',
    version: 1,
    data: { hostOrganisationId: 'community', unitId: 'adult-services', personIds: ['p-1', 'p-2'], fromEmployerId: 'acute', toEmployerId: 'council', effectiveFrom: day(on) },
  };

  it('records the employment transfer with the host and both employers', () =>
    spec.given(orgs).when(transferEmployment()).then({ community: [moved], acute: [moved], council: [moved] }));

  it('leaves the hosting unit where it is', () => {
    const states = spec.given(orgs).when(transferEmployment()).thenStates({ community: [moved], acute: [moved], council: [moved] });
    expect(unitIn(states.community, 'adult-services')?.closedOn).toBeUndefined();
  });

  it('rejects a transfer to the same employer', () => spec.given(orgs).when(transferEmployment({ toEmployerId: 'acute' })).thenRejects('SameEmployer'));

  it('rejects a transfer of nobody', () => spec.given(orgs).when(transferEmployment({ personIds: [] })).thenRejects('NoPeople'));

  it('rejects a person named twice', () => spec.given(orgs).when(transferEmployment({ personIds: ['p-1', 'p-1'] })).thenRejects('DuplicateIds'));

  it('rejects a unit that is not open in the host', () => spec.given(orgs).when(transferEmployment({ unitId: 'district-nursing' })).thenRejects('UnitNotOpen'));

  it('rejects a new employer that has closed', () =>
    spec.given({ ...orgs, council: [...council, organisationClosed('council', on)] }).when(transferEmployment()).thenRejects('OrganisationNotOpen'));
});
