import { Param, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';
import { CATALOG_ID_REGEX } from './catalog.dto';

const typologyIdPipe: PipeTransform<string, string> = {
  transform(value: string) {
    if (value.length > 60 || !CATALOG_ID_REGEX.test(value)) throw new RequestValidationError([{ field: 'typologyId', reason: 'typologyId must be lowercase letters and digits joined by dashes' }]);
    return value;
  },
};

/** The `:typologyId` path parameter (else 400, never a lookup). */
export const TypologyIdParam = () => Param('typologyId', typologyIdPipe);
