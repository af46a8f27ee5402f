import { applyDecorators, Param, PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';
import { ApiParam, ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { FILING_NUMBER_PATTERN } from './field.decorators';

const FILING_NUMBER_REGEX = new RegExp(FILING_NUMBER_PATTERN);

const filingNumberPipe: PipeTransform<unknown, string> = {
  transform: (value) => {
    if (typeof value !== 'string' || !FILING_NUMBER_REGEX.test(value)) {
      throw new RequestValidationError([{ field: 'filingNumber', reason: 'filingNumber must look like 2026-000042' }]);
    }
    return value;
  },
};

/** The `:filingNumber` path parameter of `/public/cases/*`, which must look like 2026-000042 (else 400, never a lookup). */
export const FilingNumberParam = () => Param('filingNumber', filingNumberPipe);

/** Its OpenAPI description, on the route. */
export const ApiFilingNumberParam = () =>
  applyDecorators(ApiParam({ name: 'filingNumber', example: '2026-000042', schema: { type: 'string', pattern: FILING_NUMBER_PATTERN } }));

/** The verification code sent to the customer with the filing number (a body or query field). */
export const VerificationCode = () =>
  applyDecorators(
    ApiProperty({ description: 'The verification code sent to the customer with the filing number', example: 'K7P2QX', pattern: '^[A-Za-z0-9]{4,12}$' }),
    IsString(),
    Matches(/^[A-Za-z0-9]{4,12}$/, { message: 'code must be the verification code sent to the customer' }),
  );
