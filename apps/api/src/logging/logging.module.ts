import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DestinationStream, Level } from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from '@app/runtime';

/** Where the logs go and from which level; tests pass a stream to read them back. */
export interface LogOptions {
  level?: Level | 'silent';
  stream?: DestinationStream;
}

const REQUEST_ID = /^[\x21-\x7e]{1,200}$/;
/** Query parameters whose values are logged; any other value (the customer's code, whatever a client puts there) is not. */
const LOGGED_QUERY_VALUES = new Set(['limit', 'minPosition', 'month', 'from', 'to', 'year', 'businessDays', 'withinHours', 'asOf', 'verify']);
/** Parameters the API takes whose values are not logged: secrets, opaque or identifying. */
const NAMED_ONLY = new Set(['cursor', 'code', 'filingNumber', 'caseId']);

/**
 * The URL as logged: the path, and the query with every value outside LOGGED_QUERY_VALUES replaced;
 * a parameter the API does not take is replaced whole (a client may write anything there).
 */
export function redactUrl(url: string | undefined): string {
  const [path, query] = (url ?? '').split(/\?(.*)/s, 2);
  if (query === undefined) return path;
  const parameters = query.split('&').map((parameter) => {
    const [name, value] = parameter.split(/=(.*)/s, 2);
    if (LOGGED_QUERY_VALUES.has(name)) return parameter;
    return NAMED_ONLY.has(name) ? `${name}=${value === undefined ? '' : '[Redacted]'}` : '[Redacted]';
  });
  return `${path}?${parameters.join('&')}`;
}

/**
 * Defence in depth: the serializers below log no header and no body, but should anything log an
 * object holding a petitioner or a token, these paths are censored.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'petitioner',
  '*.petitioner',
  '*.*.petitioner',
  'data.petitioner',
  '*.data.petitioner',
  'verificationCode',
  '*.verificationCode',
  '*.*.verificationCode',
  'authorization',
  '*.authorization',
];

type LoggedRequest = IncomingMessage & { id?: string; actor?: { id: string } };

/** The pino-http options: one JSON line per request with its id, route, status, time and actor; no header, no body. */
export function httpLogOptions(level: Level | 'silent'): Options {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const given = request.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (request: { id?: string; method?: string; url?: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
    customProps: (request: IncomingMessage) => {
      const actor = (request as LoggedRequest).actor;
      return actor ? { actorId: actor.id } : {};
    },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (request, response) => `${request.method} ${redactUrl(request.url)} ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${redactUrl(request.url)} ${response.statusCode}`,
  };
}

/** Structured JSON logs (pino) for the HTTP requests and for every Nest logger in the app. */
@Module({})
export class LoggingModule {
  static forRoot(options: LogOptions = {}): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            const httpOptions = httpLogOptions(options.level ?? config.LOG_LEVEL);
            return { pinoHttp: options.stream ? [httpOptions, options.stream] : httpOptions };
          },
        }),
      ],
    };
  }
}
