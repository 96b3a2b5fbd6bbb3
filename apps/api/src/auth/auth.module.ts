import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './access.guard';
import { AUTH_SETTINGS } from './auth.settings';
import { AuthenticationGuard } from './authentication.guard';
import { AuthorisationGuard } from './authorisation.guard';
import { jwtOptions, type JwtSettings } from './jwt-keys';

export type AuthModuleSettings = JwtSettings & Readonly<{ AUTH_MODE: 'jwt' | 'off'; RATE_LIMIT_PER_MINUTE: number }>;

/** Bearer-token authentication, per-organisation authorisation and rate limiting, as global guards. */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthModuleSettings): DynamicModule {
    const { options, source, secretFile } = jwtOptions(settings);
    const logger = new Logger('Authentication');
    if (settings.AUTH_MODE === 'off') logger.warn('AUTH_MODE=off: requests without a token act as a local admin. Local demo only.');
    else if (source === 'local-secret-file') logger.log(`verifying HS256 tokens with the local secret in ${secretFile} (set AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY in production)`);
    const limited = settings.RATE_LIMIT_PER_MINUTE > 0;
    const throttling: Provider[] = limited ? [{ provide: APP_GUARD, useClass: ThrottlerGuard }] : [];
    return {
      module: AuthModule,
      imports: [
        JwtModule.register(options),
        ...(limited ? [ThrottlerModule.forRoot([{ name: 'per-client', ttl: 60_000, limit: settings.RATE_LIMIT_PER_MINUTE }])] : []),
      ],
      providers: [
        { provide: AUTH_SETTINGS, useValue: { mode: settings.AUTH_MODE } },
        AuthenticationGuard,
        AuthorisationGuard,
        { provide: APP_GUARD, useClass: AccessGuard },
        ...throttling,
      ],
    };
  }
}
