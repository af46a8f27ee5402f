import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '@app/domain';
import { RequestValidationError } from '../http/validation';
import type { CommandContext } from './command-context';

/** The headers of a command request, checked: `If-Match`, `Idempotency-Key`, `X-Correlation-Id`. */
export interface HttpCommandHeaders {
  actor: Actor;
  expectedRevision?: number;
  idempotencyKey?: string;
  correlationId: string;
}

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;
const TOKEN = /^[\x21-\x7e]{1,200}$/;

export const HttpCommand = createParamDecorator((_: unknown, context: ExecutionContext): HttpCommandHeaders => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor; id?: unknown; headers: Record<string, string | undefined> }>();
  const { 'if-match': ifMatch, 'idempotency-key': idempotencyKey, 'x-correlation-id': correlationId } = request.headers;
  const problems = [
    ifMatch !== undefined && !IF_MATCH.test(ifMatch) && { field: 'If-Match', reason: 'If-Match must be a revision such as "3"' },
    idempotencyKey !== undefined && !TOKEN.test(idempotencyKey) && { field: 'Idempotency-Key', reason: 'Idempotency-Key must be 1-200 visible ASCII characters' },
    correlationId !== undefined && !TOKEN.test(correlationId) && { field: 'X-Correlation-Id', reason: 'X-Correlation-Id must be 1-200 visible ASCII characters' },
  ].filter((problem): problem is { field: string; reason: string } => Boolean(problem));
  if (problems.length > 0) throw new RequestValidationError(problems);
  if (!request.actor) throw new Error('HttpCommand used on a route without authentication');
  return {
    actor: request.actor,
    expectedRevision: ifMatch === undefined ? undefined : Number(IF_MATCH.exec(ifMatch)![1]),
    idempotencyKey,
    // Without X-Correlation-Id, the request id (X-Request-Id, in every log line) ties the events to the request.
    correlationId: correlationId ?? (typeof request.id === 'string' ? request.id : randomUUID()),
  };
});

/** Adds the request hash that tells a retry (same request) from a reused key (another request). */
export function toCommandContext(headers: HttpCommandHeaders, route: string, caseId: string | null, body: object): CommandContext {
  const requestHash = createHash('sha256')
    .update(canonicalJson({ route, caseId, actor: headers.actor.id, body }))
    .digest('base64url');
  return { ...headers, requestHash };
}

/** JSON with object keys sorted, so that the same body hashes the same whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
