import type { OpenAPIObject } from '@nestjs/swagger';

/** A field a body must carry when another one has a given value (`reason` when `consistent` is false). */
interface RequiredWhen {
  field: string;
  when: Record<string, boolean | string>;
}

const RULES = new Map<string, RequiredWhen[]>();

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

/** Adds each class's conditional requirements to its component schema. */
export function documentSchemaRules(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, { allOf?: object[]; properties?: Record<string, object> }>;
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
