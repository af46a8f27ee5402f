import { BadRequestException } from '@nestjs/common';

export interface FieldError {
  field: string;
  reason: string;
}

/** A 400 lists at most this many problems, so that a huge bad body cannot make a huge answer (ADR 29); its message says how many more there were. */
export const MAX_ERROR_DETAILS = 20;

export class RequestValidationError extends BadRequestException {
  readonly details: FieldError[];
  constructor(all: FieldError[]) {
    const details = all.slice(0, MAX_ERROR_DETAILS);
    const more = all.length - details.length;
    const fields = [...new Set(details.map((d) => d.field))].join(', ');
    super({ code: 'VALIDATION.FAILED', message: `Invalid request: ${fields}${more > 0 ? ` (and ${more} more problems not listed)` : ''}`, details });
    this.details = details;
  }
}
