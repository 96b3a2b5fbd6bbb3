import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = Readonly<{ headers: IncomingHttpHeaders; body: string; answeredWith: number }>;

/**
 * A webhook receiver on 127.0.0.1 for tests: answers the first `failFirst` requests with `failWith` (503 by
 * default), every later one with 204, and keeps every request it got.
 */
export async function startFlakyWebhookServer(options: { failFirst: number; failWith?: number }): Promise<{ url: string; received: ReceivedRequest[]; close: () => Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      const status = received.length < options.failFirst ? (options.failWith ?? 503) : 204;
      received.push({ headers: request.headers, body, answeredWith: status });
      response.writeHead(status).end(status >= 400 ? 'not now' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notifications`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined),
  };
}
