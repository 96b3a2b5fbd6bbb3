import { SetMetadata } from '@nestjs/common';
import type { OrganisationResolver } from './organisation-resolvers';
import type { Role } from './principal';

/**
 * Who may call a route. Without a declaration a GET is a read (every role) and anything else is admin-only, so a
 * new write route is closed until it says which organisations it writes to.
 */
export type RouteAccess =
  | Readonly<{ kind: 'public' }>
  | Readonly<{ kind: 'read' }>
  | Readonly<{ kind: 'roles'; roles: readonly Role[] }>
  | Readonly<{ kind: 'write'; organisations: OrganisationResolver }>;

export const ROUTE_ACCESS = 'orgchange:route-access';

/** No token needed (health, API docs). */
export const Public = () => SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);

/** Any authenticated role may read. */
export const ReadAccess = () => SetMetadata(ROUTE_ACCESS, { kind: 'read' } satisfies RouteAccess);

/** Only these roles; any organisation check is the handler's (the audit log filters by the caller's organisations). */
export const RolesOnly = (...roles: Role[]) => SetMetadata(ROUTE_ACCESS, { kind: 'roles', roles } satisfies RouteAccess);

/**
 * A command: admins, and programme offices whose token covers every organisation `organisations` finds in the
 * request. Anyone else gets 403 and nothing is appended.
 */
export const WritesTo = (organisations: OrganisationResolver) => SetMetadata(ROUTE_ACCESS, { kind: 'write', organisations } satisfies RouteAccess);
