/** Just enough of OpenAPI 3 to walk the request bodies the app documents at /docs-json. */
export interface SchemaObject {
  $ref?: string;
  allOf?: SchemaObject[];
  /** A conditional requirement (`reason` unless `consistent` is true): one branch must hold. */
  anyOf?: SchemaObject[];
  additionalProperties?: boolean | SchemaObject;
  type?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  maxLength?: number;
  enum?: unknown[];
}

interface Operation {
  description?: string;
  tags?: string[];
  operationId?: string;
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { description?: string; content?: Record<string, { examples?: Record<string, { value: { statusCode: number; code: string; message: string } }> }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject> };
}

/** Every path with a POST operation. */
export function postPaths(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths)
    .filter(([, operations]) => operations.post !== undefined)
    .map(([path]) => path);
}

/** The roles a command route documents (its description reads `Roles: a, b`). */
export function documentedRoles(doc: OpenApiDocument, path: string): string[] {
  const match = /Roles: ([\w, -]+)/.exec(doc.paths[path]?.post?.description ?? '');
  return match ? match[1].split(',').map((role) => role.trim()) : [];
}

/** Follows `$ref` and `allOf`; an unresolvable reference is a documentation bug and throws. */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!name || !target) throw new Error(`The OpenAPI document refers to a missing schema: "${schema.$ref}"`);
    return resolveSchema(doc, target);
  }
  if (schema.allOf) {
    const { allOf, ...own } = schema;
    return allOf.map((part) => resolveSchema(doc, part)).reduce((merged, part) => ({ ...merged, ...part }), own);
  }
  return schema;
}

export function requestBodySchema(doc: OpenApiDocument, path: string): SchemaObject {
  const schema = doc.paths[path]?.post?.requestBody?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`POST ${path} documents no JSON request body`);
  return resolveSchema(doc, schema);
}

/** One field of a sample body, with its dotted path as the API names it in `details` (`petitioner.email`, `attachments.0.size`). */
export interface BodyField {
  field: string;
  schema: SchemaObject;
  required: boolean;
  /** A nested object or array item (it gets an unknown-field check of its own). */
  isObject: boolean;
}

/**
 * The fields of `sample` that `schema` documents, nested ones included (arrays through their first
 * item). Fields of `sample` the schema does not document are returned in `undocumented`.
 */
export function bodyFields(doc: OpenApiDocument, schema: SchemaObject, sample: unknown, prefix = ''): { fields: BodyField[]; undocumented: string[] } {
  const fields: BodyField[] = [];
  const undocumented: string[] = [];
  const object = sample as Record<string, unknown>;
  const properties = schema.properties ?? {};
  for (const key of Object.keys(object)) {
    if (!(key in properties)) undocumented.push(`${prefix}${key}`);
  }
  for (const [key, raw] of Object.entries(properties)) {
    const value = object[key];
    if (value === undefined) continue;
    const field = `${prefix}${key}`;
    const property = resolveSchema(doc, raw);
    const nested = property.properties !== undefined;
    fields.push({ field, schema: property, required: (schema.required ?? []).includes(key), isObject: nested });
    const visit = (child: SchemaObject, childSample: unknown, childPrefix: string, isItem: boolean) => {
      const inner = bodyFields(doc, child, childSample, childPrefix);
      if (isItem) fields.push({ field: childPrefix.slice(0, -1), schema: child, required: false, isObject: true });
      fields.push(...inner.fields);
      undocumented.push(...inner.undocumented);
    };
    if (nested && isPlainObject(value)) visit(property, value, `${field}.`, false);
    if (property.type === 'array' && property.items && Array.isArray(value) && isPlainObject(value[0])) {
      visit(resolveSchema(doc, property.items), value[0], `${field}.0.`, true);
    }
  }
  return { fields, undocumented };
}

/** A value of another JSON type than the schema asks for (numbers as strings, strings as numbers…). */
export function wrongTypedValue(schema: SchemaObject): unknown {
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return '5';
    case 'boolean':
      return 'true';
    case 'array':
      return 'not-a-list';
    default:
      return 'not-an-object';
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy of `body` with the dotted `field` set to `value` (or removed, for `undefined`). */
export function withField(body: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const segments = field.split('.');
  const last = segments.pop()!;
  const parent = segments.reduce<Record<string, unknown>>((node, segment) => node[segment] as Record<string, unknown>, copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

export const withoutField = (body: Record<string, unknown>, field: string) => withField(body, field, undefined);

/**
 * `body`, checked to hold exactly the fields the named schema requires (nested objects too, by
 * their own schemas), typed as the client generated from the document types it.
 */
export function requiredOnly<T>(doc: OpenApiDocument, schemaName: string, body: unknown): T {
  expect({ schema: schemaName, notExactlyRequired: beyondOrShortOfRequired(doc, { $ref: `#/components/schemas/${schemaName}` }, body, '') }).toEqual({ schema: schemaName, notExactlyRequired: [] });
  return body as T;
}

function beyondOrShortOfRequired(doc: OpenApiDocument, raw: SchemaObject, body: unknown, prefix: string): string[] {
  const schema = resolveSchema(doc, raw);
  if (!isPlainObject(body) || !schema.properties) return [];
  const required = schema.required ?? [];
  const present = Object.keys(body);
  return [
    ...present.filter((key) => !required.includes(key)).map((key) => `${prefix}${key} (optional)`),
    ...required.filter((key) => !present.includes(key)).map((key) => `${prefix}${key} (missing)`),
    ...present.filter((key) => schema.properties![key]).flatMap((key) => beyondOrShortOfRequired(doc, schema.properties![key], body[key], `${prefix}${key}.`)),
  ];
}
