import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@app/domain';
import type { CommandHeaders } from '@app/runtime';

/** The headers of a command request, checked: `If-Match`, `Idempotency-Key`, `X-Correlation-Id`. */
export type HttpCommandHeaders = CommandHeaders;

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;
const TOKEN = /^[\x21-\x7e]{1,200}$/;

/** `@HttpCommand()` on a staff route; `@HttpCommand(actor)` on a public one, whose commands that actor sends (no token). */
export const HttpCommand = createParamDecorator((publicActor: Actor | undefined, context: ExecutionContext): HttpCommandHeaders => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor; id?: unknown; headers: Record<string, string | undefined> }>();
  const { 'if-match': ifMatch, 'idempotency-key': idempotencyKey, 'x-correlation-id': correlationId } = request.headers;
  const problems = [
    ifMatch !== undefined && !IF_MATCH.test(ifMatch) && { field: 'If-Match', reason: 'If-Match must be a revision such as "3"' },
    idempotencyKey !== undefined && !TOKEN.test(idempotencyKey) && { field: 'Idempotency-Key', reason: 'Idempotency-Key must be 1-200 visible ASCII characters' },
    correlationId !== undefined && !TOKEN.test(correlationId) && { field: 'X-Correlation-Id', reason: 'X-Correlation-Id must be 1-200 visible ASCII characters' },
  ].filter((problem): problem is { field: string; reason: string } => Boolean(problem));
  if (problems.length > 0) throw new RequestValidationError(problems);
  const actor = request.actor ?? publicActor;
  if (!actor) throw new Error('HttpCommand used on a route without authentication');
  return {
    actor,
    expectedRevision: ifMatch === undefined ? undefined : Number(IF_MATCH.exec(ifMatch)![1]),
    idempotencyKey,
    // Without X-Correlation-Id, the request id (X-Request-Id, in every log line) ties the events to the request.
    correlationId: correlationId ?? (typeof request.id === 'string' ? request.id : randomUUID()),
  };
});
