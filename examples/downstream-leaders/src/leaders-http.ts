import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LeadersStore } from './leaders-store';

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * GET /organisations                         ids the view knows
 * GET /organisations/:id/leaders[?asOf=DATE]  leadership posts open that day and their holders (default: today, UTC)
 * GET /stats                                 applied, duplicates, replays, ignored, rejected, out-of-order counts
 */
export function leadersHttpServer(store: LeadersStore): Server {
  return createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET') return send(405, { error: 'only GET is served' });
    if (url.pathname === '/stats') return send(200, store.stats());
    if (url.pathname === '/organisations') return send(200, store.organisationIds());
    const match = /^\/organisations\/([^/]+)\/leaders$/.exec(url.pathname);
    if (!match) return send(404, { error: `no route for ${url.pathname}` });
    const asOf = url.searchParams.get('asOf') ?? new Date().toISOString().slice(0, 10);
    if (!calendarDate.test(asOf)) return send(400, { error: 'asOf must be a YYYY-MM-DD date' });
    const organisationId = decodeURIComponent(match[1]);
    const leaders = store.leaders(organisationId, asOf);
    if (!leaders) return send(404, { error: `organisation ${organisationId} is not in the view` });
    return send(200, { organisationId, name: store.organisation(organisationId)?.name ?? null, asOf, leaders });
  });
}

export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
