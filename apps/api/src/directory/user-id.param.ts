import { Param, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';
import { DIRECTORY_ID_REGEX } from './directory.dto';

const userIdPipe: PipeTransform<string, string> = {
  transform(value: string) {
    if (!DIRECTORY_ID_REGEX.test(value)) throw new RequestValidationError([{ field: 'id', reason: 'id must be 1-100 visible ASCII characters' }]);
    return value;
  },
};

/** The `:id` path parameter naming a user (else 400, never a lookup). */
export const UserIdParam = () => Param('id', userIdPipe);
