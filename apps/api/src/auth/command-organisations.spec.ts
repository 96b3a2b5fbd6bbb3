import { organisationsNamedBy } from './command-organisations';

describe('organisationsNamedBy (raw, unvalidated command data)', () => {
  it('reads every organisation a cross-organisation command names, lists included', () => {
    expect(organisationsNamedBy('MergeOrganisations', { predecessorIds: ['a', 'b'], successorId: 'c' }).organisationIds).toEqual(['a', 'b', 'c']);
    expect(organisationsNamedBy('TransferService', { fromOrganisationId: 'a', toOrganisationId: 'b', employingOrganisationId: 'c' }).organisationIds).toEqual(['a', 'b', 'c']);
    expect(organisationsNamedBy('TransferEmployment', { hostOrganisationId: 'h', fromEmployerId: 'f', toEmployerId: 't' }).organisationIds).toEqual(['h', 'f', 't']);
  });

  it('takes an organisation command by its organisationId, and a post command by its post', () => {
    expect(organisationsNamedBy('RenameUnit', { organisationId: 'a', unitId: 'u' })).toEqual({ organisationIds: ['a'] });
    expect(organisationsNamedBy('RetitlePost', { postId: 'p' })).toEqual({ organisationIds: [], postId: 'p' });
    expect(organisationsNamedBy('StartAppointment', { postId: 'p', employingOrganisationId: 'e' })).toEqual({ organisationIds: ['e'], postId: 'p' });
  });

  it('ignores values of the wrong type (validation refuses them later) rather than trusting them', () => {
    expect(organisationsNamedBy('MergeOrganisations', { predecessorIds: [1, { id: 'x' }], successorId: 7 }).organisationIds).toEqual([]);
    expect(organisationsNamedBy('RenameOrganisation', null).organisationIds).toEqual([]);
  });
});
