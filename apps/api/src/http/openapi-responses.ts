import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isThrottledPath } from '../security/throttling.module';
import { apiErrorSample } from './api-error-catalog';
import { FILING_NUMBER_PATTERN } from './field.decorators';
import { OperationFacts, rolesSentence } from './openapi-operations';

const ERROR_SCHEMA = { $ref: '#/components/schemas/ApiErrorDto' };
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Routes that read or write no store: the calendar is arithmetic, /health reports the stores' state itself. */
const STORELESS_PREFIXES = ['/calendar/', '/health', '/metrics'];

/**
 * The codes every route of its kind shares, as the guard, the pipes, the body parser, the throttler
 * and the stores give them: validation (all but the health and metrics probes), the bearer token
 * and the user directory's word on its bearer (secured routes), the body (routes with one), a path parameter that leads nowhere (unless the
 * route names its own 404), the throttle, `?minPosition=`, and a store that cannot serve.
 */
function sharedErrorCodes(path: string, operation: OperationObject, declared: string[]): string[] {
  const probe = path.startsWith('/health') || path === '/metrics';
  const hasParameter = (name: string) => (operation.parameters ?? []).some((parameter) => 'name' in parameter && parameter.name === name);
  return [
    ...(probe ? [] : ['VALIDATION.FAILED']),
    ...((operation.security ?? []).length > 0 ? ['AUTH.UNAUTHENTICATED', 'USER.DEACTIVATED', 'AUTH.FORBIDDEN', 'USER.IDENTITY_CONFLICT'] : []),
    ...(operation.requestBody ? ['REQUEST.INVALID', 'REQUEST.TOO_LARGE', 'REQUEST.UNSUPPORTED_MEDIA_TYPE'] : []),
    ...(path.includes('{') && !declared.some((code) => apiErrorSample(code).statusCode === 404) ? ['ROUTE.NOT_FOUND'] : []),
    ...(isThrottledPath(path) ? ['REQUEST.TOO_MANY'] : []),
    ...(hasParameter('minPosition') ? ['READ_MODEL.BEHIND'] : []),
    ...(STORELESS_PREFIXES.some((prefix) => path.startsWith(prefix)) ? [] : ['STORE.UNAVAILABLE']),
  ];
}

/**
 * Gives each operation one error answer per status it can give, each with an example per code
 * (`{ statusCode, code, message }`, the real status): the codes its kind of route shares and those
 * its handler declares (@ApiErrors, or a CommandRoute's command). A description the route wrote
 * for that status is kept after the codes.
 */
export function documentErrorResponses(document: OpenAPIObject, facts: ReadonlyMap<string, OperationFacts>): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const declared = facts.get(operation.operationId ?? '')?.errorCodes ?? [];
      const samples = [...new Set([...sharedErrorCodes(path, operation, declared), ...declared])].map(apiErrorSample);
      for (const status of [...new Set(samples.map((sample) => sample.statusCode))].sort((a, b) => a - b)) {
        const ofStatus = samples.filter((sample) => sample.statusCode === status);
        const own = (operation.responses[status] as ResponseObject | undefined)?.description;
        const codes = ofStatus.map((sample) => sample.code).join(', ');
        operation.responses[status] = {
          description: own ? `${codes}: ${own}` : codes,
          content: {
            'application/json': {
              schema: ERROR_SCHEMA,
              examples: Object.fromEntries(ofStatus.map((sample) => [sample.code, { summary: sample.message, value: sample }])),
            },
          },
        };
      }
    }
  }
  return document;
}

/**
 * Starts each operation's description with who may call it, written from the metadata the
 * AuthGuard reads (@Roles, @AnyRole, @Public), never by hand.
 */
export function documentRoles(document: OpenAPIObject, facts: ReadonlyMap<string, OperationFacts>): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of METHODS.map((method) => item[method])) {
      const fact = operation && facts.get(operation.operationId ?? '');
      if (!operation || !fact) continue;
      operation.description = [rolesSentence(fact.access), operation.description].filter(Boolean).join(' ');
    }
  }
  return document;
}

/** What the shared parameter checks accept (CaseIdParam, the queue owner check, the command headers), as schemas. */
const PARAMETER_SCHEMAS: Record<string, Record<string, unknown>> = {
  'path:id': { type: 'string', format: 'uuid' },
  'path:userId': { type: 'string', pattern: '^[\\x21-\\x7e]{1,100}$' },
  'path:filingNumber': { type: 'string', pattern: FILING_NUMBER_PATTERN, example: '2026-000042' },
  'header:If-Match': { type: 'string', pattern: '^(W/)?"?[0-9]{1,15}"?$', example: '"3"' },
  'header:Idempotency-Key': { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
};

/** Gives the path parameters and command headers the constraints their shared checks enforce. */
export function documentCommonParameters(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of METHODS.map((method) => item[method])) {
      for (const parameter of operation?.parameters ?? []) {
        if (!('in' in parameter)) continue;
        const schema = PARAMETER_SCHEMAS[`${parameter.in}:${parameter.name}`];
        if (schema) parameter.schema = { ...schema };
      }
    }
  }
  return document;
}
