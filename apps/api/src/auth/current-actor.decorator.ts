import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/domain';

export interface AuthenticatedRequest {
  actor?: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
