import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotificationsStatus } from '@orgchange/workflow';
import { ProgrammeTimerLoop, TIMER_INTERVAL } from './programme-timer.loop';

export const WORKER_HEALTH_PORT = Symbol('WORKER_HEALTH_PORT');

/**
 * `GET /health` on its own small port, as the worker serves no other HTTP (Kubernetes probes, compose
 * health checks): 200 while the timer loop has completed a run within three intervals and the notification
 * saga is following the log; 503 before the loop's first run, once it has stalled, or once the saga has stopped
 * on an event (a restart tries that event again). The body has the last run's time and outcome, the saga's
 * place and lag, and each notification channel's delivered, failed and pending counts.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('worker');
  private server?: Server;

  constructor(
    private readonly loop: ProgrammeTimerLoop,
    private readonly notifications: NotificationsStatus,
    @Inject(TIMER_INTERVAL) private readonly intervalMs: number,
    @Inject(WORKER_HEALTH_PORT) private readonly port: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (request.method !== 'GET' || path !== '/health') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /health');
      this.health(new Date()).then(
        ({ status, body }) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        (error: unknown) => response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'down', error: String(error) })),
      );
    });
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(this.port, resolve));
    this.logger.log(`health on http://localhost:${this.address()}/health`);
  }

  /** The port listened on (useful when configured as 0). */
  address(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.port;
  }

  async health(now: Date): Promise<{ status: number; body: Record<string, unknown> }> {
    const last = this.loop.lastRun;
    const fresh = last !== undefined && now.getTime() - last.endedAt.getTime() <= 3 * this.intervalMs;
    const notifications = await this.notifications.read();
    const up = fresh && notifications.healthy;
    return {
      status: up ? 200 : 503,
      body: { status: up ? 'up' : 'down', lastRunEndedAt: last?.endedAt.toISOString() ?? null, lastRunFailed: last?.failed ?? null, notifications },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
