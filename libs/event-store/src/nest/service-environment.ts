import { plainToInstance } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, validateSync } from 'class-validator';
import { storeConfigProblems } from '../config/store-config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * What every orgchange process (api, worker, relay) reads from its environment: where the log lives, the local
 * SQLite file (the log itself, or with a server store the local state), and how much to log. Each app's
 * configuration extends it, so the variables mean the same everywhere and are checked in one place.
 */
export class ServiceEnvironment {
  /** The embedded SQLite database file; with a server store, the local state file. Defaults to the API's, so all apps share it. */
  @IsString()
  @IsNotEmpty({ message: 'ORGCHANGE_DB must name a database file' })
  ORGCHANGE_DB = './data/orgchange.sqlite';

  /** Where the log lives: sqlite (default), postgres or kurrentdb; checked with the URLs by `storeConfigProblems`. */
  EVENT_STORE?: string;
  DATABASE_URL?: string;
  DATABASE_SCHEMA?: string;
  KURRENTDB_URL?: string;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL = 'info';
}

/**
 * Reads `env` into a `type` (unset and empty variables take the class's defaults) and fails start-up with every
 * problem named: the class's own rules, the store's, and `moreProblems` (told whether the class's rules passed).
 */
export function validateEnvironment<T extends ServiceEnvironment>(
  type: new () => T,
  env: Record<string, unknown>,
  moreProblems: (config: T, rulesPassed: boolean) => string[] = () => [],
): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(type, defined, { exposeDefaultValues: true });
  const ruleProblems = validateSync(config).flatMap((e) => Object.values(e.constraints ?? {}));
  const storeEnv = Object.fromEntries(Object.entries(defined).map(([name, value]) => [name, String(value)]));
  const problems = [...new Set([...ruleProblems, ...storeConfigProblems(storeEnv), ...moreProblems(config, ruleProblems.length === 0)])];
  if (problems.length > 0) throw new Error(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
