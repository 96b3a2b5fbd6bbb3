import { principalFromClaims } from './token-claims';

describe('principalFromClaims', () => {
  it('reads subject, role and organisations', () => {
    expect(principalFromClaims({ sub: 'olivia', role: 'programme-office', orgs: ['northvale-ft', 'westmoor-icb'] })).toEqual({
      subject: 'olivia',
      role: 'programme-office',
      organisations: ['northvale-ft', 'westmoor-icb'],
    });
  });

  it('lets an admin token name no organisation', () => {
    expect(principalFromClaims({ sub: 'root', role: 'admin', orgs: [] })).toMatchObject({ role: 'admin' });
  });

  it.each([
    [{ role: 'admin', orgs: [] }, /sub/],
    [{ sub: 'a b', role: 'admin', orgs: [] }, /sub/],
    [{ sub: 'x', role: 'root', orgs: [] }, /role/],
    [{ sub: 'x', role: 'analyst' }, /orgs/],
    [{ sub: 'x', role: 'analyst', orgs: 'northvale-ft' }, /orgs/],
    [{ sub: 'x', role: 'analyst', orgs: ["'; drop"] }, /orgs/],
    [{ sub: 'x', role: 'service', orgs: [] }, /at least one organisation/],
  ])('refuses %p, naming the claim', (claims, message) => {
    expect(principalFromClaims(claims)).toEqual(expect.stringMatching(message));
  });
});
