import { Type, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { storeConfigProblems } from '@orgchange/event-store';
import { authModeProblems } from '../auth/auth-mode.rules';

/** Environment the API reads at start-up; each variable has a default so `npm start` needs none. */
export class AppConfig {
  /** HTTP port. */
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1, { message: 'PORT must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 1 and 65535' })
  PORT = 3000;

  /** The embedded SQLite database file (created with its folder when missing); with a server store, the local state file. */
  @IsString()
  @IsNotEmpty({ message: 'ORGCHANGE_DB must name a database file' })
  ORGCHANGE_DB = './data/orgchange.sqlite';

  /** Where the log lives: sqlite (default), postgres or kurrentdb; checked with the URLs by `storeConfigProblems`. */
  EVENT_STORE?: string;
  DATABASE_URL?: string;
  DATABASE_SCHEMA?: string;
  KURRENTDB_URL?: string;

  /** Load the fictional demo history when the database is empty. */
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'], { message: 'DEMO_DATA must be true or false' })
  DEMO_DATA: 'true' | 'false' = 'true';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL = 'info';

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
}

/** Validates the environment, failing start-up with every problem named. Used by `ConfigModule.forRoot`. */
export function validateAppConfig(env: Record<string, unknown>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = [
    ...errors.flatMap((e) => Object.values(e.constraints ?? {})),
    ...storeConfigProblems(defined as Record<string, string>),
    ...(errors.length === 0 ? authModeProblems(config) : []),
  ];
  if (problems.length > 0) {
    throw new Error(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
