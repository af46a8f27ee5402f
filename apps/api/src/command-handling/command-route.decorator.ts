import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Role } from '@app/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { ETagInterceptor } from './etag.interceptor';

/** A command route: POST, its roles, the command headers and every documented outcome. */
export function CommandRoute(options: {
  path: string;
  roles: Role[];
  summary: string;
  created?: boolean;
  response: new () => object;
  onExistingCase?: boolean;
}) {
  const ok = options.created ? 201 : 200;
  return applyDecorators(
    Post(options.path),
    HttpCode(ok),
    Roles(...options.roles),
    UseInterceptors(ETagInterceptor),
    ApiTags('commands'),
    ApiBearerAuth(),
    ApiOperation({ summary: options.summary, description: `Roles: ${options.roles.join(', ')}` }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the first result again, nothing appended; another body: 422' }),
    ...(options.onExistingCase === false
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'Run only if no person changed the case since this revision ("3", the ETag read), else 409 CONCURRENCY.CONFLICT with details.currentRevision. ' +
              'Facts the system records that change nothing a person could act on (EmailDelivered, EmailDeliveryFailed, FirstResponseOverdue, ResolutionOverdue) ' +
              'move the revision but do not make it stale (ADR 21). Without If-Match, a command meeting a concurrent one is retried until recorded or refused',
          }),
        ]),
    ApiResponse({ status: ok, type: options.response, description: 'Done; the ETag header carries the new revision' }),
    ...[
      [400, 'Invalid field, header or parameter (one entry per field in details)'],
      [401, 'Missing or invalid token'],
      [403, 'Role not allowed, or not the assigned backoffice agent'],
      [404, 'Unknown case'],
      [409, 'The case status forbids it, or a person changed the case since the If-Match revision (CONCURRENCY.CONFLICT)'],
      [422, 'A business rule is broken, or an Idempotency-Key reused with another body'],
    ].map(([status, description]) => ApiResponse({ status: status as number, description: description as string, type: ApiErrorDto })),
  );
}
