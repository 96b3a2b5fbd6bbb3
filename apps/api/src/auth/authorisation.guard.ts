import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EVENT_STORE, type EventStore } from '@orgchange/event-store';
import type { Request } from 'express';
import { coversOrganisation, PRINCIPAL, type Principal, type WithPrincipal } from './principal';
import { ROUTE_ACCESS, type RouteAccess } from './route-access.decorators';
import { StreamOrganisations } from './stream-organisations';

const READS = new Set(['GET', 'HEAD']);

/**
 * Second global guard: checks the caller's role against the route's {@link RouteAccess}, and for a write that
 * every organisation it would change is in the caller's grant. Runs before validation and the command, so a
 * refused write appends nothing.
 */
@Injectable()
export class AuthorisationGuard implements CanActivate {
  private readonly streams: StreamOrganisations;

  constructor(
    private readonly reflector: Reflector,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.streams = new StreamOrganisations(store);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & WithPrincipal>();
    const declared = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [context.getHandler(), context.getClass()]);
    const access: RouteAccess = declared ?? (READS.has(request.method) ? { kind: 'read' } : { kind: 'roles', roles: ['admin'] });
    if (access.kind === 'public') return true;
    const principal = request[PRINCIPAL];
    if (!principal) throw forbidden('NotAuthenticated', 'no caller was established for this request');
    switch (access.kind) {
      case 'read':
        return true;
      case 'roles':
        if (access.roles.includes(principal.role)) return true;
        throw forbidden('RoleNotAllowed', `role ${principal.role} may not ${request.method} ${request.route?.path ?? request.path}; allowed: ${access.roles.join(', ')}`);
      case 'write':
        return this.canWrite(principal, access, request);
    }
  }

  private async canWrite(principal: Principal, access: Extract<RouteAccess, { kind: 'write' }>, request: Request): Promise<boolean> {
    if (principal.role === 'admin') return true;
    if (principal.role !== 'programme-office') {
      throw forbidden('RoleNotAllowed', `role ${principal.role} is read-only; commands need programme-office or admin`);
    }
    const organisations = await access.organisations({ params: request.params as Record<string, string>, body: request.body }, this.streams);
    if (organisations === undefined) {
      throw forbidden('OrganisationNotDetermined', 'cannot tell which organisation this request changes (is the organisation, post, programme or event id present and recorded?)');
    }
    const outside = organisations.filter((id) => !coversOrganisation(principal, id));
    if (outside.length > 0) {
      throw forbidden('OrganisationNotInScope', `this token may not change organisation ${outside.join(', ')}`, { organisations: outside });
    }
    return true;
  }
}

const forbidden = (code: string, message: string, details?: unknown) => new ForbiddenException({ code, message, ...(details ? { details } : {}) });
