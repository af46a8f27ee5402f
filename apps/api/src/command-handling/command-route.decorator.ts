import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { caseErrorSample, CASE_COMMAND_ERRORS } from '@app/domain';
import type { CaseCommandType, CaseErrorName, Role } from '@app/domain';
import { Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ETagInterceptor } from './etag.interceptor';

/**
 * A command route: POST, its roles, the command headers and every documented outcome. Its error
 * codes are those the decider lists for `command` (CASE_COMMAND_ERRORS, less `unreachable`: what
 * the request's validation or the route already rules out), the command path's own and `errors`.
 */
export function CommandRoute(options: {
  path: string;
  roles: Role[];
  summary: string;
  created?: boolean;
  response: new () => object;
  onExistingCase?: boolean;
  command?: CaseCommandType;
  unreachable?: CaseErrorName[];
  errors?: string[];
}) {
  const ok = options.created ? 201 : 200;
  const onExistingCase = options.onExistingCase !== false;
  return applyDecorators(
    Post(options.path),
    HttpCode(ok),
    Roles(...options.roles),
    UseInterceptors(ETagInterceptor),
    ApiTags('commands'),
    ApiBearerAuth(),
    ApiOperation({ summary: options.summary }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the first result again, nothing appended; another body: 422' }),
    ...(!onExistingCase
      ? []
      : [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'Run only if no person changed the case since this revision ("3", the ETag read), else 409 CONCURRENCY.CONFLICT with details.currentRevision. ' +
              'Facts that change nothing a person could act on (EmailDelivered, EmailDeliveryFailed, FirstResponseOverdue, ResolutionOverdue, InternalNoteAdded) ' +
              'move the revision but do not make it stale (ADR 21). Without If-Match, a command meeting a concurrent one is retried until recorded or refused',
          }),
        ]),
    ApiResponse({ status: ok, type: options.response, description: 'Done; the ETag header carries the new revision' }),
    ApiErrors(
      ...(options.command ? commandErrorCodes(options.command, options.unreachable) : []),
      ...(onExistingCase ? ['CONCURRENCY.CONFLICT'] : []),
      'IDEMPOTENCY.KEY_REUSED',
      ...(options.errors ?? []),
    ),
  );
}

/** The codes the decider lists for a command, less those the route rules out before it decides. */
export function commandErrorCodes(command: CaseCommandType, unreachable: CaseErrorName[] = []): string[] {
  return CASE_COMMAND_ERRORS[command].filter((name) => !unreachable.includes(name)).map((name) => caseErrorSample(name).code);
}
