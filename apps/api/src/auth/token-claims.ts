import { ID_PATTERN } from '../common/dto-fields';
import { EVERY_ORGANISATION, type Principal, ROLES, type Role } from './principal';

/** The claims orgchange reads beside the registered ones (`iss`, `aud`, `exp`, `sub`). */
export type OrgchangeClaims = Readonly<{ sub: string; role: Role; orgs: readonly string[] }>;

const SUBJECT = /^[\x21-\x7e]{1,200}$/;

/**
 * Reads a verified token's payload as a {@link Principal}; returns the problem instead when the claims are
 * missing or malformed, so the guard can answer 401 naming the claim.
 */
export function principalFromClaims(payload: Record<string, unknown>): Principal | string {
  const { sub, role, orgs } = payload;
  if (typeof sub !== 'string' || !SUBJECT.test(sub)) return 'the token needs a `sub` claim of 1–200 visible characters';
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return `the token's \`role\` claim must be one of ${ROLES.join(', ')}`;
  if (!Array.isArray(orgs) || orgs.length > 1000 || !orgs.every(isOrganisationGrant)) {
    return 'the token\'s `orgs` claim must be a list of organisation ids (or "*")';
  }
  if (role !== 'admin' && orgs.length === 0) return `a ${role} token must name at least one organisation in \`orgs\``;
  return { subject: sub, role: role as Role, organisations: orgs };
}

const isOrganisationGrant = (value: unknown): value is string => typeof value === 'string' && (value === EVERY_ORGANISATION || ID_PATTERN.test(value));
