import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorText } from '@orgchange/messaging';
import { RelayService } from './relay.service';

/**
 * `GET /health` (JSON: status, outbox lag, counters; 503 unless publishing) and `GET /metrics` (Prometheus
 * text) on their own small port, as the relay serves no other HTTP.
 */
@Injectable()
export class RelayHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('relay');
  private server?: Server;

  constructor(
    private readonly relay: RelayService,
    private readonly port: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.answer(request.method, request.url).then(
        ({ status, type, body }) => response.writeHead(status, { 'content-type': type }).end(body),
        (error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(errorText(error)),
      );
    });
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(this.port, resolve));
    this.logger.log(`health on http://localhost:${this.address()}/health, metrics on /metrics`);
  }

  /** The port listened on (useful when configured as 0). */
  address(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.port;
  }

  private async answer(method: string | undefined, url: string | undefined): Promise<{ status: number; type: string; body: string }> {
    const path = (url ?? '/').split('?')[0];
    if (method === 'GET' && path === '/health') {
      const health = await this.relay.health();
      return { status: health.status === 'up' ? 200 : 503, type: 'application/json', body: JSON.stringify(health) };
    }
    if (method === 'GET' && path === '/metrics') return { status: 200, type: 'text/plain; version=0.0.4', body: await this.relay.metrics() };
    return { status: 404, type: 'text/plain', body: 'not found: GET /health or /metrics' };
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
