import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { DEFAULT_CACHED_STREAMS, ServiceEnvironment, validateEnvironment } from '@orgchange/event-store';
import { authModeProblems } from '../auth/auth-mode.rules';

/** Environment the API reads at start-up; each variable has a default so `npm start` needs none. */
export class AppConfig extends ServiceEnvironment {
  /** HTTP port. */
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1, { message: 'PORT must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 1 and 65535' })
  PORT = 3000;

  /** Load the fictional demo history when the database is empty. */
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'], { message: 'DEMO_DATA must be true or false' })
  DEMO_DATA: 'true' | 'false' = 'true';

  /** Largest accepted request body, e.g. `100kb`. */
  @IsString()
  BODY_LIMIT = '100kb';

  /** Interface to listen on; `AUTH_MODE=off` is refused unless this is loopback or DEMO_DATA=true. */
  @IsString()
  @IsNotEmpty({ message: 'HOST must name an interface, e.g. 127.0.0.1 or 0.0.0.0' })
  HOST = '0.0.0.0';

  /** `jwt`: every request but /health and /docs needs a bearer token; `off`: a local demo where requests act as an admin. */
  @IsIn(['jwt', 'off'], { message: 'AUTH_MODE must be jwt or off' })
  AUTH_MODE: 'jwt' | 'off' = 'jwt';

  /** HS256 shared secret (at least 32 characters). Without it or a public key, a secret kept beside the database is used. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  /** RS256 public key (PEM) of the identity provider; takes precedence over AUTH_JWT_SECRET. */
  @IsOptional()
  @IsString()
  @Matches(/-----BEGIN (RSA )?PUBLIC KEY-----/, { message: 'AUTH_JWT_PUBLIC_KEY must be a PEM public key' })
  AUTH_JWT_PUBLIC_KEY?: string;

  /** JWKS URL of the identity provider (RS256 keys chosen by `kid`); takes precedence over a single public key. */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true }, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** Required `iss` of every token. */
  @IsString()
  @IsNotEmpty({ message: 'AUTH_JWT_ISSUER must not be empty' })
  AUTH_JWT_ISSUER = 'orgchange-local';

  /** Required `aud` of every token. */
  @IsString()
  @IsNotEmpty({ message: 'AUTH_JWT_AUDIENCE must not be empty' })
  AUTH_JWT_AUDIENCE = 'orgchange-api';

  /** Requests per minute from one client address before 429; 0 turns rate limiting off. */
  @Type(() => Number)
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be a whole number, 0 or more' })
  @Min(0, { message: 'RATE_LIMIT_PER_MINUTE must be a whole number, 0 or more' })
  RATE_LIMIT_PER_MINUTE = 1200;

  /** Streams whose folded state the command handlers keep, so a stream written again is not re-read; 0 turns the cache off. */
  @Type(() => Number)
  @IsInt({ message: 'COMMAND_CACHE_STREAMS must be a whole number, 0 or more' })
  @Min(0, { message: 'COMMAND_CACHE_STREAMS must be a whole number, 0 or more' })
  COMMAND_CACHE_STREAMS = DEFAULT_CACHED_STREAMS;
}

/** Validates the environment, failing start-up with every problem named. Used by `ConfigModule.forRoot`. */
export function validateAppConfig(env: Record<string, unknown>): AppConfig {
  return validateEnvironment(AppConfig, env, (config, rulesPassed) => (rulesPassed ? authModeProblems(config) : []));
}
