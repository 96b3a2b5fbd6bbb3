import { isLoopback } from './auth-mode.rules';

export type StartupHintSettings = Readonly<{ AUTH_MODE: 'jwt' | 'off'; HOST: string; PORT: number; ORGCHANGE_DB: string; AUTH_JWT_SECRET?: string; AUTH_JWT_PUBLIC_KEY?: string; AUTH_JWKS_URL?: string }>;

/** What `npm start` prints about authentication: how to call the API from here. */
export function startupAuthHint(settings: StartupHintSettings): string {
  const where = isLoopback(settings.HOST) ? 'this machine only' : `every interface (${settings.HOST})`;
  if (settings.AUTH_MODE === 'off') {
    return [
      `authentication is OFF (local demo, listening on ${where}): requests without a token act as a local admin.`,
      '  To try roles: stop, run `AUTH_MODE=jwt npm start`, then mint a token, e.g.',
      `  TOKEN=$(npx orgchange token --db ${settings.ORGCHANGE_DB} --role programme-office --org northvale-ft)`,
      '  curl -H "Authorization: Bearer $TOKEN" …',
    ].join('\n');
  }
  if (settings.AUTH_JWKS_URL) return `authentication: RS256 bearer tokens from your identity provider (keys from ${settings.AUTH_JWKS_URL}).`;
  if (settings.AUTH_JWT_PUBLIC_KEY) return 'authentication: RS256 bearer tokens from your identity provider (AUTH_JWT_PUBLIC_KEY).';
  const source = settings.AUTH_JWT_SECRET ? 'AUTH_JWT_SECRET' : 'the local secret beside the database';
  return [
    `authentication: HS256 bearer tokens signed with ${source}. Mint a development token:`,
    `  TOKEN=$(npx orgchange token --db ${settings.ORGCHANGE_DB} --role admin)          # or --role programme-office|analyst|service --org <id>…`,
    '  curl -H "Authorization: Bearer $TOKEN" localhost:' + settings.PORT + '/organisations',
  ].join('\n');
}
