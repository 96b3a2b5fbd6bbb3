import { authModeProblems, isLoopback } from './auth-mode.rules';

describe('AUTH_MODE=off is only for a local demo', () => {
  it.each(['127.0.0.1', '127.3.2.1', '::1', 'localhost'])('counts %s as loopback', (host) => expect(isLoopback(host)).toBe(true));
  it.each(['0.0.0.0', '10.0.0.5', '::', 'example.org'])('does not count %s as loopback', (host) => expect(isLoopback(host)).toBe(false));

  it('is refused on a reachable interface without demo data, allowed on loopback or with demo data', () => {
    expect(authModeProblems({ AUTH_MODE: 'off', HOST: '0.0.0.0', DEMO_DATA: 'false' })).toEqual([expect.stringMatching(/AUTH_MODE=off is refused/)]);
    expect(authModeProblems({ AUTH_MODE: 'off', HOST: '127.0.0.1', DEMO_DATA: 'false' })).toEqual([]);
    expect(authModeProblems({ AUTH_MODE: 'off', HOST: '0.0.0.0', DEMO_DATA: 'true' })).toEqual([]);
    expect(authModeProblems({ AUTH_MODE: 'jwt', HOST: '0.0.0.0', DEMO_DATA: 'false' })).toEqual([]);
  });
});
