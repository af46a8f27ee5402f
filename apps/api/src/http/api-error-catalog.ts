import { HttpStatus } from '@nestjs/common';
import { CatalogErrors, caseErrorSample, CaseErrorName, CaseErrors, DirectoryErrors, DomainError, DomainErrorKind } from '@app/domain';

/** What a client reads in an error answer: the body `{ statusCode, code, message }`, figures elided. */
export interface ApiErrorSample {
  statusCode: number;
  code: string;
  message: string;
}

export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  not_found: HttpStatus.NOT_FOUND,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** The codes the HTTP layer answers with itself (guards, pipes, body parser, throttler, stores, read models, services). */
const HTTP_ERRORS = {
  'VALIDATION.FAILED': [400, 'Invalid request: <field> … (one { field, reason } per bad field in details)'],
  'REQUEST.INVALID': [400, 'The body is not valid JSON'],
  'AUTH.UNAUTHENTICATED': [401, 'A bearer token is required (or: the token is invalid, the token has expired)'],
  'AUTH.INVALID_CREDENTIALS': [401, 'The email or the password is wrong'],
  'AUTH.INVALID_REFRESH_TOKEN': [401, 'The refresh token is not valid: sign in again'],
  'USER.DEACTIVATED': [401, 'The user is deactivated'],
  'AUTH.FORBIDDEN': [403, 'This route needs one of the roles: …'],
  'AUTH.NOT_OWN_QUEUE': [403, 'Only your own queue, unless you are a supervisor'],
  'ROUTE.NOT_FOUND': [404, 'Cannot GET …'],
  'MAIL.UNMATCHED_NOT_FOUND': [404, 'No unmatched email has this id'],
  'PETITIONER.NOT_FOUND': [404, 'No key and no case for that petitioner'],
  'CONCURRENCY.CONFLICT': [409, 'The case changed since you read it; read it again and retry (details.currentRevision)'],
  'MAIL.ALREADY_ATTACHED': [409, 'The email was already attached to case …'],
  'MAIL.UNMATCHED_ERASED': [409, 'The email was erased: there is nothing left to attach'],
  'REQUEST.TOO_LARGE': [413, 'request entity too large'],
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': [415, 'Unsupported content type (send application/json)'],
  'IDEMPOTENCY.KEY_REUSED': [422, 'This Idempotency-Key was already used for a different request'],
  'REQUEST.TOO_MANY': [429, 'Too many requests; retry after the Retry-After header'],
  'AUTH.TOO_MANY_ATTEMPTS': [429, 'Too many failed sign-ins; retry after … seconds (Retry-After)'],
  'READ_MODEL.BEHIND': [503, 'The read models have not reached position … yet; retry shortly'],
  'STORE.UNAVAILABLE': [503, 'The storage is unavailable (down, busy or full); retry later (Retry-After)'],
} as const satisfies Record<string, readonly [number, string]>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

function caseErrorSamples(): Map<string, ApiErrorSample> {
  const samples = new Map<string, ApiErrorSample>();
  for (const name of Object.keys(CaseErrors) as CaseErrorName[]) {
    const { code, kind, message } = caseErrorSample(name);
    samples.set(code, { statusCode: STATUS_OF_KIND[kind], code, message });
  }
  return samples;
}

/** `sampleArgument`: what each error's figures read as (a list of ids for the directory's, one id for the catalog's). */
function domainErrorSamples(errors: object, sampleArgument: unknown): [string, ApiErrorSample][] {
  return Object.values(errors).map((make): [string, ApiErrorSample] => {
    const { code, kind, message } = (make as (...args: unknown[]) => DomainError)(sampleArgument, sampleArgument);
    return [code, { statusCode: STATUS_OF_KIND[kind], code, message }];
  });
}

/** Every code an answer of this API can carry: the case aggregate's, the directory's and the catalog's (libs/domain) and the HTTP layer's. */
export const API_ERRORS: ReadonlyMap<string, ApiErrorSample> = new Map([
  ...caseErrorSamples(),
  ...domainErrorSamples(DirectoryErrors, ['…']),
  ...domainErrorSamples(CatalogErrors, '…'),
  ...Object.entries(HTTP_ERRORS).map(([code, [statusCode, message]]): [string, ApiErrorSample] => [code, { statusCode, code, message }]),
]);

/** The sample answer for a code; an unknown code is a documentation bug and throws (the app does not start). */
export function apiErrorSample(code: string): ApiErrorSample {
  const sample = API_ERRORS.get(code);
  if (!sample) throw new Error(`Unknown error code in the OpenAPI declarations: ${code}`);
  return sample;
}
