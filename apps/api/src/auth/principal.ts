/** The four roles; each is granted for a list of organisations (or `*`, every organisation). */
export const ROLES = ['admin', 'programme-office', 'analyst', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Grants a role over every organisation. */
export const EVERY_ORGANISATION = '*';

/**
 * Who is calling, from a verified token (or the local admin when AUTH_MODE=off). `subject` is recorded as the
 * actor of every event the request appends.
 */
export type Principal = Readonly<{ subject: string; role: Role; organisations: readonly string[] }>;

/** The caller when authentication is off: a local demo only. */
export const LOCAL_ADMIN: Principal = { subject: 'local-admin', role: 'admin', organisations: [EVERY_ORGANISATION] };

/** True when the principal's grant covers the organisation (admins cover all). */
export const coversOrganisation = (principal: Principal, organisationId: string): boolean =>
  principal.role === 'admin' || principal.organisations.includes(EVERY_ORGANISATION) || principal.organisations.includes(organisationId);

/** Where the guards keep the principal on the request. */
export const PRINCIPAL = Symbol('orgchange.principal');
export type WithPrincipal = { [PRINCIPAL]?: Principal };
