import { Type, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

/** Environment the API reads at start-up; each variable has a default so `npm start` needs none. */
export class AppConfig {
  /** HTTP port. */
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number between 1 and 65535' })
  @Min(1, { message: 'PORT must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'PORT must be a whole number between 1 and 65535' })
  PORT = 3000;

  /** The embedded SQLite database file (created with its folder when missing). */
  @IsString()
  @IsNotEmpty({ message: 'ORGCHANGE_DB must name a database file' })
  ORGCHANGE_DB = './data/orgchange.sqlite';

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
}

/** Validates the environment, failing start-up with every problem named. Used by `ConfigModule.forRoot`. */
export function validateAppConfig(env: Record<string, unknown>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new Error(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
