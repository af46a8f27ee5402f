import type { OpenAPIObject } from '@nestjs/swagger';
import { isThrottledPath } from '../security/throttling.module';

const ERROR_SCHEMA = { $ref: '#/components/schemas/ApiErrorDto' };

const COMMON: Record<number, string> = {
  400: 'Invalid parameter, query, header or body (VALIDATION.FAILED, one entry per field in details)',
  401: 'Missing, invalid or expired bearer token (AUTH.UNAUTHENTICATED)',
  403: 'The token holds none of the roles this route allows (AUTH.FORBIDDEN), or not the acting person',
  404: 'Nothing with that identifier (CASE.NOT_FOUND)',
  413: 'Body over the size limit (REQUEST.TOO_LARGE)',
  415: 'Body in an unsupported encoding (REQUEST.UNSUPPORTED_MEDIA_TYPE)',
  429: 'Too many requests from this address (REQUEST.TOO_MANY); retry after the Retry-After header',
};

/**
 * Adds the error answers every route shares, as the guard, the pipe, the body parser and the
 * throttler give them, so that the document lists every status a route can answer: 400 (all but
 * /health), 401 and 403 (routes with a bearer token), 404 (routes with a path parameter), 413 and
 * 415 (routes with a body), 429 (throttled routes). Responses a route documents itself are kept.
 */
export function documentCommonResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const statuses: number[] = [];
      if (path !== '/health') statuses.push(400);
      if ((operation.security ?? []).length > 0) statuses.push(401, 403);
      if (path.includes('{')) statuses.push(404);
      if (operation.requestBody) statuses.push(413, 415);
      if (isThrottledPath(path)) statuses.push(429);
      for (const status of statuses) {
        operation.responses[status] ??= { description: COMMON[status], content: { 'application/json': { schema: ERROR_SCHEMA } } };
      }
    }
  }
  return document;
}

/** What the shared parameter checks accept (CaseIdParam, the queue owner check, the command headers), as schemas. */
const PARAMETER_SCHEMAS: Record<string, Record<string, unknown>> = {
  'path:id': { type: 'string', format: 'uuid' },
  'path:userId': { type: 'string', pattern: '^[\\x21-\\x7e]{1,100}$' },
  'path:filingNumber': { type: 'string', pattern: '^\\d{4}-\\d{6}$', example: '2026-000042' },
  'header:If-Match': { type: 'string', pattern: '^(W/)?"?\\d{1,15}"?$', example: '"3"' },
  'header:Idempotency-Key': { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
};

/** Gives the path parameters and command headers the constraints their shared checks enforce. */
export function documentCommonParameters(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      for (const parameter of operation?.parameters ?? []) {
        if (!('in' in parameter)) continue;
        const schema = PARAMETER_SCHEMAS[`${parameter.in}:${parameter.name}`];
        if (schema) parameter.schema = { ...schema };
      }
    }
  }
  return document;
}
