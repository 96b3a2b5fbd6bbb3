import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthenticationGuard } from './authentication.guard';
import { AuthorisationGuard } from './authorisation.guard';

/** The one global access guard, so authentication always runs before authorisation whatever the module order. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly authentication: AuthenticationGuard,
    private readonly authorisation: AuthorisationGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    return (await this.authentication.canActivate(context)) && this.authorisation.canActivate(context);
  }
}
