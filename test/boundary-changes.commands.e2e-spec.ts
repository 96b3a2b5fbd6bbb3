import { type ApiHarness, startApi } from './support/api-harness';
import { establishOrganisation, establishUnit, expectAccepted, send } from './support/fixtures';

/** Each boundary change is recorded once in every organisation it involves, in one transaction. */
describe('boundary-change commands', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApi();
    await establishOrganisation(api, 'trust', '2012-04-01', 'nhs-foundation-trust');
    await establishOrganisation(api, 'brookfield', '2011-04-01');
    await establishOrganisation(api, 'council', '1974-04-01', 'council');
  });
  afterEach(async () => {
    await api.close();
  });

  it('POST /boundary-changes/service-transfers moves a service to another organisation', async () => {
    await establishUnit(api, 'brookfield', 'community-nursing', { kind: 'service', effectiveFrom: '2011-04-01' });
    await establishUnit(api, 'trust', 'div-integrated-care', { effectiveFrom: '2020-10-01' });

    const res = await send(api, '/boundary-changes/service-transfers', {
      unitId: 'community-nursing',
      fromOrganisationId: 'brookfield',
      toOrganisationId: 'trust',
      toParentUnitId: 'div-integrated-care',
      effectiveFrom: '2020-10-01',
    });

    const logged = await expectAccepted(api, res, 'organisation-brookfield', ['ServiceTransferred', 'ServiceTransferred']);
    expect(logged.map((e) => e.streamId)).toEqual(['organisation-brookfield', 'organisation-trust']);
    expect(logged[1].data).toMatchObject({ unitId: 'community-nursing', employingOrganisationId: 'trust', unitKind: 'service' });
  });

  it('POST /boundary-changes/memberships records a council joining a partnership unit', async () => {
    await establishUnit(api, 'trust', 'int-east', { kind: 'neighbourhood-team', effectiveFrom: '2021-07-01' });

    const res = await send(api, '/boundary-changes/memberships', {
      groupOrganisationId: 'trust',
      partnershipUnitId: 'int-east',
      memberOrganisationId: 'council',
      change: 'joined',
      effectiveFrom: '2021-09-01',
    });

    const logged = await expectAccepted(api, res, 'organisation-trust', ['MembershipChanged', 'MembershipChanged']);
    expect(logged.map((e) => e.streamId)).toEqual(['organisation-trust', 'organisation-council']);
    expect(logged[0].data).toMatchObject({ partnershipUnitId: 'int-east', change: 'joined' });
  });

  it('POST /boundary-changes/memberships records an organisation joining a group', async () => {
    await establishOrganisation(api, 'icb', '2022-07-01', 'icb');

    const res = await send(api, '/boundary-changes/memberships', { groupOrganisationId: 'icb', memberOrganisationId: 'trust', change: 'joined', effectiveFrom: '2022-07-01' });

    await expectAccepted(api, res, 'organisation-icb', ['MembershipChanged', 'MembershipChanged']);
  });

  it('POST /boundary-changes/boundary-redraws moves population and budget between organisations', async () => {
    const res = await send(api, '/boundary-changes/boundary-redraws', {
      fromOrganisationId: 'brookfield',
      toOrganisationId: 'trust',
      description: 'the Westfield wards',
      population: 42000,
      budgetGbp: 1250000,
      effectiveFrom: '2019-04-01',
    });

    const logged = await expectAccepted(api, res, 'organisation-brookfield', ['BoundaryRedrawn', 'BoundaryRedrawn']);
    expect(logged[0].data).toMatchObject({ description: 'the Westfield wards', population: 42000, budgetGbp: 1250000 });
  });

  it('POST /boundary-changes/employment-transfers changes the employer of a team’s staff', async () => {
    await establishUnit(api, 'trust', 'int-east', { kind: 'neighbourhood-team', effectiveFrom: '2021-07-01', memberOrganisationIds: ['council'] });

    const res = await send(api, '/boundary-changes/employment-transfers', {
      hostOrganisationId: 'trust',
      unitId: 'int-east',
      personIds: ['p-ot', 'p-physio'],
      fromEmployerId: 'trust',
      toEmployerId: 'council',
      effectiveFrom: '2022-04-01',
    });

    const logged = await expectAccepted(api, res, 'organisation-trust', ['EmploymentTransferred', 'EmploymentTransferred']);
    expect(logged.map((e) => e.streamId)).toEqual(['organisation-trust', 'organisation-council']);
    expect(logged[1].data).toMatchObject({ personIds: ['p-ot', 'p-physio'], toEmployerId: 'council' });
  });
});
