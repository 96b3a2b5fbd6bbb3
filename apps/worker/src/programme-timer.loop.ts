import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ProgrammeTimerRunner } from '@orgchange/workflow';

export const TIMER_INTERVAL = Symbol('TIMER_INTERVAL');

/**
 * Runs the timer runner now and then every interval, never two runs at once (the next is scheduled when one
 * ends). A failed run is logged and the next one tries again: the timers live in the streams, so nothing is lost.
 */
@Injectable()
export class ProgrammeTimerLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProgrammeTimerLoop.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  /** When the last run ended, and whether it failed: what the health endpoint reports. */
  lastRun?: Readonly<{ endedAt: Date; failed: boolean }>;

  constructor(
    private readonly runner: ProgrammeTimerRunner,
    @Inject(TIMER_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running = this.runOnce().finally(() => {
      if (!this.stopped) this.timer = setTimeout(() => this.tick(), this.intervalMs);
    });
  }

  private async runOnce(): Promise<void> {
    try {
      const report = await this.runner.runOnce();
      if (report.fired.length > 0) this.logger.log(`fired ${report.fired.length} timer(s) for ${report.today}: ${JSON.stringify(report.fired)}`);
      for (const { programmeId, message } of report.errors) this.logger.error(`programme ${programmeId}: ${message}`);
      this.lastRun = { endedAt: new Date(), failed: false };
    } catch (error) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      this.lastRun = { endedAt: new Date(), failed: true };
    }
  }
}
