/** The settings that decide whether running without authentication is allowed. */
export type AuthModeSettings = Readonly<{ AUTH_MODE: 'jwt' | 'off'; HOST: string; DEMO_DATA: 'true' | 'false' }>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** True when only this machine can reach the given listen address. */
export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * `AUTH_MODE=off` turns every request into a local admin, so it is only allowed where nobody else can reach the
 * API (a loopback address) or where the database holds only the fictional demo history (DEMO_DATA=true).
 */
export function authModeProblems(settings: AuthModeSettings): string[] {
  if (settings.AUTH_MODE !== 'off' || isLoopback(settings.HOST) || settings.DEMO_DATA === 'true') return [];
  return [`AUTH_MODE=off is refused on HOST=${settings.HOST}: bind to 127.0.0.1 or use DEMO_DATA=true, or use AUTH_MODE=jwt`];
}
