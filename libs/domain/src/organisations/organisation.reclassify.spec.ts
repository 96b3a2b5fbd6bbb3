import { day, deciderSpecification, organisationClosed, organisationEstablished } from '@orgchange/testing';
import type { ReclassifyOrganisation } from './organisation.commands';
import { organisationDecider } from './organisation.decider';
import { valueOn } from './organisation.state';

const spec = deciderSpecification(organisationDecider);

const reclassify = (on: string, kind: ReclassifyOrganisation['data']['kind'] = 'nhs-foundation-trust'): ReclassifyOrganisation => ({
  type: 'ReclassifyOrganisation',
  data: { organisationId: 'trust', kind, effectiveFrom: day(on) },
});
const established = organisationEstablished('trust', '2020-04-01');

describe('given no organisation', () => {
  it('rejects a reclassification', () => spec.given([]).when(reclassify('2021-01-01')).thenRejects('OrganisationNotFound'));
});

describe('given an NHS trust established on 2020-04-01', () => {
  it('reclassifies it from the effective date, keeping its kind before', () => {
    const state = spec.given([established]).when(reclassify('2022-04-01')).thenState([
      { type: 'OrganisationReclassified', version: 1, data: { organisationId: 'trust', kind: 'nhs-foundation-trust', effectiveFrom: day('2022-04-01') } },
    ]);
    expect(state.status === 'established' && valueOn(state.kinds, day('2022-03-31'))).toBe('nhs-trust');
    expect(state.status === 'established' && valueOn(state.kinds, day('2022-04-01'))).toBe('nhs-foundation-trust');
  });

  it('rejects a reclassification to the kind it already has', () =>
    spec.given([established]).when(reclassify('2022-04-01', 'nhs-trust')).thenRejects('OrganisationAlreadyOfKind'));

  it('rejects a reclassification before it was established', () => spec.given([established]).when(reclassify('2020-03-31')).thenRejects('OrganisationNotOpen'));

  it('rejects an impossible date', () => spec.given([established]).when(reclassify('2021-02-29')).thenRejects('InvalidCalendarDate'));
});

describe('given a trust that became a foundation trust and was closed', () => {
  const history = [
    established,
    { type: 'OrganisationReclassified' as const, version: 1 as const, data: { organisationId: 'trust', kind: 'nhs-foundation-trust' as const, effectiveFrom: day('2022-04-01') } },
    organisationClosed('trust', '2024-04-01'),
  ];

  it('accepts a backdated change of kind while it was open, placed in date order', () => {
    const state = spec.given(history).when(reclassify('2021-04-01', 'other')).thenState([
      { type: 'OrganisationReclassified', version: 1, data: { organisationId: 'trust', kind: 'other', effectiveFrom: day('2021-04-01') } },
    ]);
    expect(state.status === 'established' && state.kinds.map((k) => k.value)).toEqual(['nhs-trust', 'other', 'nhs-foundation-trust']);
  });

  it('rejects a change of kind after closure', () => spec.given(history).when(reclassify('2024-04-01', 'other')).thenRejects('OrganisationNotOpen'));
});
