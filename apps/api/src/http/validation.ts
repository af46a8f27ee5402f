import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { type FieldError, MAX_ERROR_DETAILS, RequestValidationError } from '@app/runtime';
import { findSizeProblems, MAX_ARRAY_ITEMS, MAX_OBJECT_KEYS } from './size-limits';


/** Flattens class-validator's tree into one entry per bad field, with a dotted path (`petitioner.email`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** No request DTO nests deeper than 3 levels (body → attachments → item); JSON deeper than this is refused outright. */
export const MAX_BODY_DEPTH = 8;
/** class-transformer and Nest's ValidationPipe silently drop these keys, so whitelisting never sees them: refuse them as unknown fields. */
/** Keys class-transformer would skip or misread: every name an object inherits, plus `prototype`. */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
const MAX_STRUCTURAL_PROBLEMS = 20;
/**
 * Values (of every object and array, at any depth) a request may hold: the largest a DTO allows is a
 * few hundred (200 backofficeIds; 50 attachments of 3 fields). 300,000 empty objects fit in 1 MB, and
 * copying them (class-transformer, Nest's prototype-key stripping) took seconds.
 */
export const MAX_BODY_VALUES = 2000;

/**
 * Finds what must be refused before class-transformer sees the value: nesting deeper than `maxDepth`
 * (its recursion has no bound and overflows the stack: a 500), prototype keys, and arrays, objects
 * or whole requests larger than any DTO allows (their copy and checks would hold the event loop).
 * Iterative, so that the check itself cannot overflow; it stops counting at MAX_BODY_VALUES.
 */
export function findStructuralProblems(value: unknown, maxDepth = MAX_BODY_DEPTH): FieldError[] {
  const problems: FieldError[] = [];
  let values = 0;
  const pending: Array<{ value: unknown; field: string; depth: number }> = [{ value, field: '', depth: 0 }];
  while (pending.length > 0 && problems.length < MAX_STRUCTURAL_PROBLEMS) {
    const { value: current, field, depth } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) {
      problems.push({ field: field || 'body', reason: `${field || 'body'} is nested more than ${maxDepth} levels deep` });
      continue;
    }
    if (Array.isArray(current) && current.length > MAX_ARRAY_ITEMS) {
      problems.push({ field: field || 'body', reason: `${field || 'body'} has more than ${MAX_ARRAY_ITEMS} items` });
      continue;
    }
    const keys = Object.keys(current);
    if (!Array.isArray(current) && keys.length > MAX_OBJECT_KEYS) {
      problems.push({ field: field || 'body', reason: `${field || 'body'} has more than ${MAX_OBJECT_KEYS} properties` });
      continue;
    }
    values += keys.length;
    if (values > MAX_BODY_VALUES) {
      problems.push({ field: 'body', reason: `the request holds more than ${MAX_BODY_VALUES} values` });
      break;
    }
    for (const key of keys) {
      const child = field ? `${field}.${key}` : key;
      if (RESERVED_KEYS.has(key)) problems.push({ field: child, reason: `property ${key} should not exist` });
      else pending.push({ value: (current as Record<string, unknown>)[key], field: child, depth: depth + 1 });
    }
  }
  return problems;
}

/**
 * The global pipe: the DTO's size limits, then the structural checks above, then class-validator
 * (stopping at the first failed check of each property). Size limits first, expensive checks after:
 * no request under the body limit holds the event loop.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const oversized = findSizeProblems(value, metadata.metatype, MAX_ERROR_DETAILS);
      if (oversized.length > 0) throw new RequestValidationError(oversized);
      const problems = findStructuralProblems(value);
      if (problems.length > 0) throw new RequestValidationError(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Rejects unknown fields and wrong types; converts query strings to the declared types. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    // Without it every decorator of a property runs whatever failed before (and ValidateNested walks an array IsObject refused).
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}
