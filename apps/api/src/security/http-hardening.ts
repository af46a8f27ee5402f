import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppConfig } from '@app/runtime';
import { isPortalPage } from '../portal/portal-pages';

/** The largest JSON body any route takes (the longest command, a response of 20 000 characters, is far below). */
export const MAX_BODY_SIZE = '1mb';

function trustProxyValue(setting: string): boolean | number | string {
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}

/**
 * Security headers (helmet), the body limit and the proxy setting. The API answers JSON only, so it
 * gets helmet's strict defaults; the Swagger UI under /docs needs its inline bootstrap, so its
 * Content-Security-Policy is relaxed there alone. The customer portal's pages keep the strict policy
 * (their scripts and styles are files from 'self'), less `upgrade-insecure-requests`, which would
 * send a portal served over plain http (a LAN address, no TLS proxy) after assets on https that do
 * not exist. The JSON depth limit is enforced by the validation pipe (MAX_BODY_DEPTH in
 * http/validation.ts) on bodies and query strings.
 */
export function hardenHttp(app: NestExpressApplication, config: AppConfig): void {
  if (config.TRUST_PROXY !== undefined) app.set('trust proxy', trustProxyValue(config.TRUST_PROXY));
  app.disable('x-powered-by');
  const api = helmet();
  const docs = helmet({ contentSecurityPolicy: false });
  const portal = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  const headersFor = (path: string) => (path.startsWith('/docs') ? docs : isPortalPage(path) ? portal : api);
  app.use((request: Request, response: Response, next: NextFunction) => headersFor(request.path)(request, response, next));
  app.useBodyParser('json', { limit: MAX_BODY_SIZE });
  app.getHttpServer().on('clientError', answerClientError);
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over 16 KB, a
 * malformed request line) get the API's error shape too, instead of Node's bare status line.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (error.code === 'ECONNRESET')) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const statusCode = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    statusCode,
    code: tooLarge ? 'REQUEST.HEADERS_TOO_LARGE' : 'REQUEST.MALFORMED',
    message: tooLarge ? 'The URL and headers exceed 16 KB' : 'The HTTP request is malformed',
  });
  socket.end(
    `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
