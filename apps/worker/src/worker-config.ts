import { Type, plainToInstance } from 'class-transformer';
import { storeConfigProblems } from '@orgchange/event-store';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min, validateSync } from 'class-validator';

/** Environment the worker reads at start-up; the database defaults to the API's, so both work on one file. */
export class WorkerConfig {
  @IsString()
  @IsNotEmpty({ message: 'ORGCHANGE_DB must name a database file' })
  ORGCHANGE_DB = './data/orgchange.sqlite';

  /** Where the log lives (sqlite, postgres, kurrentdb) and its URL: checked by `storeConfigProblems`, as the API does. */
  EVENT_STORE?: string;
  DATABASE_URL?: string;
  DATABASE_SCHEMA?: string;
  KURRENTDB_URL?: string;

  /** How often due timers are looked for. Timers are due on days, so a minute is plenty. */
  @Type(() => Number)
  @IsInt({ message: 'TIMER_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000' })
  @Min(100, { message: 'TIMER_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000' })
  @Max(86_400_000, { message: 'TIMER_INTERVAL_MS must be a whole number of milliseconds from 100 to 86400000' })
  TIMER_INTERVAL_MS = 60_000;

  /** Port of `GET /health` (0 picks a free one). */
  @Type(() => Number)
  @IsInt({ message: 'WORKER_HEALTH_PORT must be a whole number from 0 to 65535' })
  @Min(0, { message: 'WORKER_HEALTH_PORT must be a whole number from 0 to 65535' })
  @Max(65535, { message: 'WORKER_HEALTH_PORT must be a whole number from 0 to 65535' })
  WORKER_HEALTH_PORT = 9465;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent' })
  LOG_LEVEL = 'info';
}

/** Validates the environment, failing start-up with every problem named. */
export function validateWorkerConfig(env: Record<string, unknown>): WorkerConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(WorkerConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config);
  const problems = [...errors.flatMap((e) => Object.values(e.constraints ?? {})), ...storeConfigProblems(defined as Record<string, string>)];
  if (problems.length > 0) throw new Error(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
