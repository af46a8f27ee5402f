import { randomUUID } from 'node:crypto';
import { ROLES } from '@app/domain';
import { API_ERRORS } from '@app/api';
import { expectValidationError } from './support/expectations';
import { OpenApiDocument, resolveSchema, SchemaObject } from './support/openapi';
import { readTryIt } from './support/readme-try-it';
import { startTestApp, TestApp } from './support/test-app';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The OpenAPI document says what the API does: one tag per operation; the roles in each
 * description are those the guard lets through; each error answer lists its codes, one example
 * each with the real status; the answers the API really gives are among them; what a rule requires
 * is required in the schema.
 */
describe('the OpenAPI document at /docs-json', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
    );

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t?.close());

  it('gives every operation exactly one tag', () => {
    const tags = operations().map(({ path, method, operation }) => ({ operation: `${method} ${path}`, tags: operation.tags }));
    expect(tags.filter(({ tags: list }) => list?.length !== 1)).toEqual([]);
  });

  it('documents one bearer JWT scheme, from our HS256 secret or the configured OpenID Connect issuer, that every guarded operation names', () => {
    const components = doc.components as unknown as { securitySchemes: Record<string, { type: string; scheme: string; bearerFormat: string; description: string }> };
    expect(components.securitySchemes).toEqual({ bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }) });
    expect(components.securitySchemes.bearer.description).toEqual(expect.stringContaining('HS256'));
    expect(components.securitySchemes.bearer.description).toEqual(expect.stringContaining('RS256/ES256'));
    expect(components.securitySchemes.bearer.description).toEqual(expect.stringContaining('OIDC_ISSUER'));
    const unnamed = operations().filter(({ operation }) => !/^Roles: none/.test(operation.description ?? '') && !JSON.stringify((operation as { security?: unknown }).security ?? []).includes('bearer'));
    expect(unnamed.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('starts every description with the roles, and the guard lets exactly those through', async () => {
    const mismatches: string[] = [];
    for (const { path, method, operation } of operations()) {
      const sentence = /^Roles: (none \(no token\)|any staff role|[a-z, ]+)\./.exec(operation.description ?? '');
      if (!sentence) {
        mismatches.push(`${method} ${path}: no roles sentence`);
        continue;
      }
      if (sentence[1] === 'none (no token)') {
        const answer = await call(method, path, null);
        if (answer.status === 401 && answer.body.code !== 'AUTH.UNAUTHENTICATED') mismatches.push(`${method} ${path}: public, yet ${answer.status} ${answer.body.code}`);
        continue;
      }
      const allowed = sentence[1] === 'any staff role' ? [...ROLES] : sentence[1].split(', ');
      for (const role of ROLES) {
        const answer = await call(method, path, role);
        const refused = answer.status === 403 && answer.body.code === 'AUTH.FORBIDDEN';
        if (refused === allowed.includes(role)) mismatches.push(`${method} ${path} as ${role}: ${answer.status} ${answer.body.code ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('answers the probes above only with codes the operation documents at that status', async () => {
    const undocumented: string[] = [];
    for (const { path, method, operation } of operations()) {
      for (const role of [null, ...ROLES]) {
        const answer = await call(method, path, role);
        if (answer.status < 400 || path.startsWith('/health')) continue;
        const examples = operation.responses?.[answer.status]?.content?.['application/json']?.examples ?? {};
        if (!(answer.body.code in examples)) undocumented.push(`${method} ${path} as ${role ?? 'nobody'}: ${answer.status} ${answer.body.code}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('writes its patterns with ASCII classes ([0-9], not \\d): tools in other languages read \\d, \\s and \\w as any Unicode digit, space or letter', () => {
    const patterns: string[] = [];
    JSON.stringify(doc, (key, value: unknown) => {
      if (key === 'pattern' && typeof value === 'string') patterns.push(value);
      return value;
    });
    expect(patterns.length).toBeGreaterThan(10);
    expect(patterns.filter((pattern) => /\\[dsw]/i.test(pattern))).toEqual([]);
  });

  it('closes every request body, nested objects included, to unknown fields, as the validation refuses them (400)', () => {
    const open: string[] = [];
    const visit = (schema: SchemaObject | undefined, where: string): void => {
      if (!schema) return;
      const resolved = resolveSchema(doc, schema);
      if (resolved.properties) {
        if (resolved.additionalProperties !== false) open.push(where);
        for (const [key, property] of Object.entries(resolved.properties)) visit(property, `${where}.${key}`);
      }
      if (resolved.items) visit(resolved.items, `${where}[]`);
    };
    for (const { path, method, operation } of operations()) visit(operation.requestBody?.content?.['application/json']?.schema, `${method} ${path}`);
    expect(open).toEqual([]);
  });

  it('gives every error answer an example per code, each with its real status and a known code', () => {
    const wrong: string[] = [];
    for (const { path, method, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400 || path.startsWith('/health')) continue;
        const examples = Object.entries(response.content?.['application/json']?.examples ?? {});
        if (examples.length === 0) wrong.push(`${method} ${path} ${status}: no example`);
        for (const [code, { value }] of examples) {
          if (value.statusCode !== Number(status) || value.code !== code || !API_ERRORS.has(code) || API_ERRORS.get(code)!.statusCode !== value.statusCode) {
            wrong.push(`${method} ${path} ${status}: ${JSON.stringify(value)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("documents each command on an existing case with its decider's refusals and the If-Match conflict", () => {
    const commands = operations().filter(({ path, method, operation }) => method === 'post' && path.startsWith('/cases/{id}/') && operation.tags?.[0] === 'commands');
    expect(commands.length).toBeGreaterThanOrEqual(13);
    const codes = (operation: (typeof commands)[number]['operation'], status: number) => Object.keys(operation.responses?.[status]?.content?.['application/json']?.examples ?? {});
    // An internal note may be added in any status: its route has no CASE.WRONG_STATUS to document.
    const anyStatus = new Set(['/cases/{id}/notes']);
    for (const { path, operation } of commands) {
      expect({ path, 404: codes(operation, 404), 409: codes(operation, 409) }).toEqual({
        path,
        404: ['CASE.NOT_FOUND'],
        409: expect.arrayContaining([...(anyStatus.has(path) ? [] : ['CASE.WRONG_STATUS']), 'CONCURRENCY.CONFLICT']),
      });
    }
  });

  it('requires the consent a filing cannot do without, and the API refuses a filing without it as the schema says (400 naming consent)', async () => {
    const fileCase = doc.components.schemas.FileCaseDto;
    expect(fileCase.required).toContain('consent');
    const { consent: _consent, ...withoutConsent } = readTryIt().filing as Record<string, unknown>;
    const refused = await t.http().post('/cases').set('Authorization', t.token('agent-ana', 'agent')).send(withoutConsent);
    expectValidationError('a filing without consent', refused, 'consent');
  });

  /** One request as `role` (null: no token), with placeholder path parameters and an empty body. */
  function call(method: string, path: string, role: string | null) {
    const sub = `probe-${role ?? 'nobody'}`;
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'userId' ? sub : name === 'filingNumber' ? '2026-999999' : randomUUID()));
    const request = t.http()[method as 'get' | 'post'](url);
    if (role) request.set('Authorization', t.token(sub, role));
    return method === 'get' ? request : request.set('Content-Type', 'application/json').send('{}');
  }
});
