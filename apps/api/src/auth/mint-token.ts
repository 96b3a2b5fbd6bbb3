import { JwtService } from '@nestjs/jwt';
import type { Role } from './principal';
import type { OrgchangeClaims } from './token-claims';

export type MintRequest = Readonly<{
  secret: string;
  issuer: string;
  audience: string;
  subject: string;
  role: Role;
  organisations: readonly string[];
  /** Lifetime, e.g. `8h` or a number of seconds. */
  expiresIn: string | number;
}>;

/** Signs an HS256 development token with the claims the API reads. Production tokens come from an identity provider. */
export function mintToken(request: MintRequest): string {
  const claims: Omit<OrgchangeClaims, 'sub'> = { role: request.role, orgs: request.organisations };
  return new JwtService().sign(
    { ...claims },
    {
      secret: request.secret,
      algorithm: 'HS256',
      issuer: request.issuer,
      audience: request.audience,
      subject: request.subject,
      expiresIn: request.expiresIn as never,
    },
  );
}
