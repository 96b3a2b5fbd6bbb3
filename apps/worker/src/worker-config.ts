import { Type } from 'class-transformer';
import { ServiceEnvironment, validateEnvironment } from '@orgchange/event-store';
import { IsInt, Max, Min } from 'class-validator';

/** Environment the worker reads at start-up; the database defaults to the API's, so both work on one file. */
export class WorkerConfig extends ServiceEnvironment {
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
}

/** Validates the environment, failing start-up with every problem named. */
export function validateWorkerConfig(env: Record<string, unknown>): WorkerConfig {
  return validateEnvironment(WorkerConfig, env);
}
