import { ARRAY_MAX_SIZE, getMetadataStorage, MAX_LENGTH, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { FieldError } from '@app/runtime';

interface TypeMetadataStorage {
  findTypeMetadata(target: Function, propertyName: string): { typeFunction: () => unknown } | undefined;
}
// class-transformer keeps the @Type of each property here; it exports no typings for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerMetadata = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeMetadataStorage }).defaultMetadataStorage;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** No request DTO allows longer arrays or more properties: anything larger is refused before any other check (findStructuralProblems). */
export const MAX_ARRAY_ITEMS = 1000;
export const MAX_OBJECT_KEYS = 100;

const metadataCache = new Map<Function, ValidationMetadata[]>();
function metadataOf(type: Function): ValidationMetadata[] {
  let metadatas = metadataCache.get(type);
  if (!metadatas) {
    metadatas = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    metadataCache.set(type, metadatas);
  }
  return metadatas;
}

/**
 * The DTO's size limits (`@ArrayMaxSize`, `@MaxLength`, also with `each`), checked on the request as
 * sent, before class-transformer copies it and before class-validator runs any other check: those
 * run every decorator of a property whatever failed first (`@ArrayUnique` is quadratic: 100,000 items
 * held the event loop for 30 s), so an oversized value must never reach them. Follows nested DTOs
 * (`@Type`) into arrays only once their size is known to be within bounds (or MAX_ARRAY_ITEMS when the DTO
 * states none). Stops at `limit` problems.
 */
export function findSizeProblems(value: unknown, type: Function | undefined, limit: number, parent = ''): FieldError[] {
  const problems: FieldError[] = [];
  if (!type || !isRecord(value)) return problems;
  const metadatas = metadataOf(type);
  const oversized = new Set<string>();
  for (const metadata of metadatas) {
    if (problems.length >= limit) return problems;
    const property = metadata.propertyName;
    const field = parent ? `${parent}.${property}` : property;
    const current = value[property];
    if (metadata.name === ARRAY_MAX_SIZE && Array.isArray(current) && current.length > metadata.constraints[0]) {
      oversized.add(property);
      problems.push({ field, reason: `${field} must contain no more than ${metadata.constraints[0]} elements (it has ${current.length})` });
    } else if (metadata.name === MAX_LENGTH) {
      const max = metadata.constraints[0] as number;
      const values = metadata.each && Array.isArray(current) ? current : [current];
      if (values.length > 0 && values.some((item) => typeof item === 'string' && item.length > max)) {
        oversized.add(property);
        problems.push({ field, reason: `${field} must be shorter than or equal to ${max} characters` });
      }
    }
  }
  for (const metadata of metadatas) {
    if (metadata.type !== ValidationTypes.NESTED_VALIDATION || oversized.has(metadata.propertyName)) continue;
    const nested = transformerMetadata.findTypeMetadata(type, metadata.propertyName)?.typeFunction() as Function | undefined;
    const current = value[metadata.propertyName];
    if (Array.isArray(current) && current.length > MAX_ARRAY_ITEMS) continue;
    const field = parent ? `${parent}.${metadata.propertyName}` : metadata.propertyName;
    const items = Array.isArray(current) ? current.map((item, index) => [item, `${field}.${index}`] as const) : [[current, field] as const];
    for (const [item, itemField] of items) {
      if (problems.length >= limit) return problems;
      problems.push(...findSizeProblems(item, nested, limit - problems.length, itemField));
    }
  }
  return problems;
}
