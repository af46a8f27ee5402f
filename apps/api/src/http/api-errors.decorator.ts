const ERROR_CODES_KEY = 'pqr:error-codes';

/**
 * The error codes a route answers with beyond those its kind of route shares (validation, token,
 * body, throttle, store: openapi-responses adds those). The OpenAPI document shows each one as an
 * example of its status; an unknown code stops the app at start-up.
 */
export function ApiErrors(...codes: string[]): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value ?? target) as object;
    Reflect.defineMetadata(ERROR_CODES_KEY, [...declaredErrorCodes(holder), ...codes], holder);
  };
}

export function declaredErrorCodes(holder: object): string[] {
  return (Reflect.getMetadata(ERROR_CODES_KEY, holder) as string[] | undefined) ?? [];
}
