import type { OpenAPIObject } from '@nestjs/swagger';

/** A field a body must carry when another one has a given value (`reason` when `consistent` is false). */
interface RequiredWhen {
  field: string;
  when: Record<string, boolean | string>;
}

/** A field a body may carry only when another one has one of some values (`firstLineResolution` for a petition or an inquiry). */
interface AllowedWhen {
  field: string;
  when: Record<string, readonly string[]>;
}

const RULES = new Map<string, RequiredWhen[]>();
const ALLOWANCES = new Map<string, AllowedWhen[]>();
const ALTERNATIVES = new Map<string, string[]>();

/**
 * Says in the schema what a conditional validator (`@ValidateIf`) requires, as an `anyOf`: the
 * condition does not hold, or the field is there. Otherwise a client built from the schema would
 * leave out a field the API then refuses.
 */
export function ApiRequiredWhen(rule: RequiredWhen): ClassDecorator {
  return (target) => {
    RULES.set(target.name, [...(RULES.get(target.name) ?? []), rule]);
  };
}

/** Says in the schema what a rule of the decider allows only with some values of another field, as an `anyOf`. */
export function ApiAllowedWhen(rule: AllowedWhen): ClassDecorator {
  return (target) => {
    ALLOWANCES.set(target.name, [...(ALLOWANCES.get(target.name) ?? []), rule]);
  };
}

/** Says in the schema that a body carries exactly one of `fields` (`backofficeIds` or `teamId`), as an `anyOf`: each alone. */
export function ApiExactlyOneOf(...fields: string[]): ClassDecorator {
  return (target) => {
    ALTERNATIVES.set(target.name, fields);
  };
}

/** Adds each class's conditional requirements, allowances and alternatives to its component schema. */
export function documentSchemaRules(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, { allOf?: object[]; properties?: Record<string, object> }>;
  for (const [name, rules] of ALLOWANCES) {
    const schema = schemas[name];
    if (!schema) continue;
    const conditions = rules.map(({ field, when }) => ({
      anyOf: [{ not: { required: [field] } }, { properties: Object.fromEntries(Object.entries(when).map(([other, values]) => [other, { enum: [...values] }])) }],
    }));
    schema.allOf = [...(schema.allOf ?? []), ...conditions];
  }
  for (const [name, fields] of ALTERNATIVES) {
    const schema = schemas[name];
    if (!schema) continue;
    const alone = fields.map((field) => ({ required: [field], not: { anyOf: fields.filter((other) => other !== field).map((other) => ({ required: [other] })) } }));
    schema.allOf = [...(schema.allOf ?? []), { anyOf: alone }];
  }
  for (const [name, rules] of RULES) {
    const schema = schemas[name];
    if (!schema) continue;
    const conditions = rules.map(({ field, when }) => ({
      anyOf: [
        ...Object.entries(when).map(([other, value]) => ({
          properties: { [other]: typeof value === 'boolean' ? { enum: [!value] } : { not: { enum: [value] } } },
        })),
        { properties: { [field]: schema.properties?.[field] ?? {} }, required: [field] },
      ],
    }));
    schema.allOf = [...(schema.allOf ?? []), ...conditions];
  }
  return document;
}

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; additionalProperties?: boolean };

/**
 * Closes every request body schema, nested objects included (`additionalProperties: false`): the
 * validation refuses an unknown field with 400 (whitelist, forbidNonWhitelisted), so a schema that
 * let them through would describe bodies the API refuses.
 */
export function documentClosedBodies(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const closed = new Set<string>();
  const close = (schema: Schema | undefined): void => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (closed.has(name)) return;
      closed.add(name);
      return close(schemas[name]);
    }
    if (schema.properties) {
      schema.additionalProperties = false;
      Object.values(schema.properties).forEach(close);
    }
    close(schema.items);
    schema.allOf?.forEach(close);
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      const body = operation?.requestBody;
      if (body && 'content' in body) close(body.content['application/json']?.schema as Schema | undefined);
    }
  }
  return document;
}
