import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Caller } from './sign-in.service';

/** The client address (TRUST_PROXY decides which) and the request id, for the failure counts and the events. */
export const CallerOf = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<{ ip?: string; id?: unknown }>();
  return { address: request.ip ?? 'unknown', correlationId: typeof request.id === 'string' ? request.id : randomUUID() };
});
