import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AUTH_SETTINGS, type AuthSettings } from './auth.settings';
import { LOCAL_ADMIN, PRINCIPAL, type WithPrincipal } from './principal';
import { ROUTE_ACCESS, type RouteAccess } from './route-access.decorators';
import { principalFromClaims } from './token-claims';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * First global guard: verifies the bearer token (signature, algorithm, issuer, audience, expiry) and puts the
 * caller on the request. Without a token: 401, unless the route is public or AUTH_MODE=off (local admin).
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly logger = new Logger('Authentication');

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & WithPrincipal>();
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [context.getHandler(), context.getClass()]);
    const header = request.header('Authorization');
    if (header === undefined) {
      if (access?.kind === 'public') return true;
      if (this.settings.mode === 'off') {
        request[PRINCIPAL] = LOCAL_ADMIN;
        return true;
      }
      throw unauthorised('AuthenticationRequired', 'send a bearer token: Authorization: Bearer <jwt> (see `orgchange token --help`)');
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw unauthorised('InvalidToken', 'Authorization must be "Bearer " followed by a JWT');
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (error) {
      // jsonwebtoken's messages name the failed check (jwt expired, jwt audience invalid …) without echoing the token.
      this.logger.warn(`token refused: ${(error as Error).message}`);
      throw unauthorised('InvalidToken', `the token was refused: ${(error as Error).message}`);
    }
    const principal = principalFromClaims(payload);
    if (typeof principal === 'string') throw unauthorised('InvalidToken', principal);
    request[PRINCIPAL] = principal;
    return true;
  }
}

const unauthorised = (code: string, message: string) => new UnauthorizedException({ code, message });
