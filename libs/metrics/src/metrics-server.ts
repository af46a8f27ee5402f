import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PqrMetrics } from './pqr-metrics';
import { carriesBearer } from './same-secret';

/**
 * `GET /metrics` on a port of its own, for a process that serves no HTTP otherwise (the projector):
 * only with `Authorization: Bearer <token>` (401 otherwise); every other path is 404.
 */
export async function startMetricsServer(metrics: PqrMetrics, options: { port: number; host?: string; token: string }): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') return void response.writeHead(404).end();
    if (!carriesBearer(request.headers.authorization, options.token)) return void response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
    metrics.scrape().then(
      (text) => response.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, options.host, resolve));
  return server;
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
