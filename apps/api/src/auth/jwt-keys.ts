import type { JwtModuleOptions } from '@nestjs/jwt';
import { jwksKeyProvider } from './jwks-key-provider';
import { localSecretFile, readOrCreateLocalSecret } from './local-jwt-secret';

/** The settings that choose how tokens are verified. */
export type JwtSettings = Readonly<{
  ORGCHANGE_DB: string;
  AUTH_JWT_SECRET?: string;
  AUTH_JWT_PUBLIC_KEY?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWT_ISSUER: string;
  AUTH_JWT_AUDIENCE: string;
}>;

/** Where the verification key comes from, for the start-up message. */
export type KeySource = 'jwks' | 'public-key' | 'secret' | 'local-secret-file';

/**
 * RS256 with keys from the identity provider's JWKS URL, or its one public key, when configured; else HS256 with AUTH_JWT_SECRET, else
 * HS256 with a secret generated once and kept beside the database (local use: `orgchange token` reads the same file).
 * Issuer, audience and expiry are always checked, and only the one algorithm is accepted (no `none`, no HS/RS confusion).
 */
export function jwtOptions(settings: JwtSettings): { options: JwtModuleOptions; source: KeySource; secretFile?: string } {
  const verify = { issuer: settings.AUTH_JWT_ISSUER, audience: settings.AUTH_JWT_AUDIENCE };
  if (settings.AUTH_JWKS_URL) {
    return { source: 'jwks', options: { secretOrKeyProvider: jwksKeyProvider(settings.AUTH_JWKS_URL), verifyOptions: { ...verify, algorithms: ['RS256'] } } };
  }
  if (settings.AUTH_JWT_PUBLIC_KEY) {
    return { source: 'public-key', options: { publicKey: settings.AUTH_JWT_PUBLIC_KEY, verifyOptions: { ...verify, algorithms: ['RS256'] } } };
  }
  if (settings.AUTH_JWT_SECRET) {
    return { source: 'secret', options: { secret: settings.AUTH_JWT_SECRET, verifyOptions: { ...verify, algorithms: ['HS256'] } } };
  }
  const secretFile = localSecretFile(settings.ORGCHANGE_DB);
  const secret = readOrCreateLocalSecret(secretFile);
  return { source: 'local-secret-file', secretFile, options: { secret, verifyOptions: { ...verify, algorithms: ['HS256'] } } };
}
