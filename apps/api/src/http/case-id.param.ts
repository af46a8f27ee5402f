import { Param, ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';

/** The `:id` path parameter, which must be a UUID (else 400, never a lookup). */
export const CaseIdParam = () =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'id', reason: 'id must be a UUID' }]) }));
