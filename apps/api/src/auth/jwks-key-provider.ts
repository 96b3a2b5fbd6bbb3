import { JwtSecretRequestType, JwtService } from '@nestjs/jwt';
import JwksRsa from 'jwks-rsa';

/**
 * Verification keys from an identity provider's JWKS URL, chosen by the token's `kid`. jwks-rsa caches keys
 * (10 minutes) and limits refetches (10 a minute), so a flood of tokens with unknown `kid`s cannot hammer the provider.
 */
export function jwksKeyProvider(jwksUri: string): (requestType: JwtSecretRequestType, token: unknown) => Promise<string> {
  const client = JwksRsa({ jwksUri, cache: true, cacheMaxAge: 600_000, rateLimit: true, jwksRequestsPerMinute: 10, timeout: 5_000 });
  const jwt = new JwtService();
  return async (requestType, token) => {
    if (requestType !== JwtSecretRequestType.VERIFY || typeof token !== 'string') throw new Error('the JWKS key provider only verifies tokens');
    const header = (jwt.decode(token, { complete: true }) as { header?: { kid?: string } } | null)?.header;
    if (!header?.kid) throw new Error('the token has no kid header to find its key in the JWKS');
    return (await client.getSigningKey(header.kid)).getPublicKey();
  };
}
