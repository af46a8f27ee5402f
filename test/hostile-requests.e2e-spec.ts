import fc from 'fast-check';
import type { Response } from 'supertest';
import { ROLES, Role } from '@app/domain';
import { bearerWithRoles, unauthenticatedHeaders } from './support/actors';
import { AppRoute, appRoutes, fillPath } from './support/app-routes';
import { CaseDriver } from './support/case-driver';
import { COMMAND_ROUTES } from './support/command-routes';
import { expectNoServerError } from './support/expectations';
import { KeepAliveClient, keepAliveClient } from './support/keep-alive-client';
import { bodyFields, OpenApiDocument, requestBodySchema, withField, wrongTypedValue } from './support/openapi';
import { QUERY_ROUTES, QueryContext, withQuery } from './support/query-routes';
import { seedFromEnv } from './support/seeded-random';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A property-based test (fast-check): at least 10 000 malformed or hostile requests, spread over every
 * route the application's router serves, never get a 5xx, always get the error shape, and append
 * nothing to the event store. Each request carries at least one defect that must make the API refuse
 * it (a missing or bad token, a role the route does not give, a body or query no route takes, a method
 * or path that does not exist), so that an appended event can only mean a refusal that came too late.
 * `HOSTILE_SEED=<n>` replays a run.
 */
const BATCH = 8;
const RUNS = 1_250;
const REQUESTS = BATCH * RUNS;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who sends it: a token with one of the route's roles, any role, or no valid token at all. */
type Auth = { kind: 'allowed' } | { kind: 'role'; role: Role } | { kind: 'header'; header: string | null };

/** What the body is built from; `defective` ones no route takes, whoever sends them. */
type BodyPlan =
  | { kind: 'valid'; mutation: Mutation | null }
  | { kind: 'json'; text: string }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'deep'; depth: number }
  | { kind: 'oversize' }
  | { kind: 'prototype'; key: string; nested: boolean };

/** A change to a valid body that no route accepts. */
type Mutation = { kind: 'unknown-field'; name: string; value: unknown } | { kind: 'wrong-type'; pick: number } | { kind: 'remove-required'; pick: number };

interface HostileRequest {
  route: number;
  /** Another method than the route's, now and then: 404. */
  method: Method | null;
  /** Junk appended to the path, now and then: an unknown route. */
  pathSuffix: string | null;
  params: Record<string, string | null>;
  /** Values are URL-encoded already; `{ repeat }` stands for that many x (short in fast-check's reports). */
  query: Array<[string, string | { repeat: number }]>;
  headers: Array<[string, string]>;
  auth: Auth;
  body: BodyPlan;
}

const printable = (maxLength: number) => fc.string({ unit: 'grapheme-ascii', maxLength });
const anyText = (maxLength: number) => fc.oneof(printable(maxLength), fc.string({ unit: 'grapheme', maxLength }), fc.string({ unit: 'binary-ascii', maxLength }));
const encoded = (maxLength: number) => anyText(maxLength).map((text) => encodeURIComponent(text));
/** Query names and values as hostile clients write them: operators, arrays, prototype keys, encodings. */
const HOSTILE_QUERY_NAMES = ['limit', 'cursor', 'minPosition', 'month', 'from', 'to', 'year', 'businessDays', 'withinHours', 'filingNumber', 'code', 'asOf', 'caseId'];
const queryName = fc.oneof(
  fc.constantFrom(...HOSTILE_QUERY_NAMES),
  fc.constantFrom(...HOSTILE_QUERY_NAMES).map((name) => `${name}[]`),
  fc.constantFrom(...HOSTILE_QUERY_NAMES).map((name) => `${name}[$gt]`),
  fc.constantFrom('__proto__', '__proto__[x]', 'constructor[prototype][x]', 'toString', 'a[b][c][d][e][f][g][h][i][j]', '%', '%zz', ''),
  encoded(20),
);
const queryValue: fc.Arbitrary<string | { repeat: number }> = fc.oneof(
  encoded(40),
  fc.constantFrom('', '%00', '-1', '1e400', 'NaN', 'Infinity', '-0', '0x1', '1.5', '99999999999999999999', '%E0%A4%A', '2026-02-30', '9999-12-31T23:59:59Z'),
  fc.integer().map(String),
  fc.nat(6000).map((repeat) => ({ repeat })),
);
const headerValue = printable(250);

const authArb: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'allowed' as const }) },
  { weight: 2, arbitrary: fc.constantFrom(...ROLES).map((role) => ({ kind: 'role' as const, role })) },
  { weight: 2, arbitrary: fc.constantFrom(...unauthenticatedHeaders(ROLES).map(({ header }) => header)).map((header) => ({ kind: 'header' as const, header })) },
  { weight: 1, arbitrary: headerValue.map((text) => ({ kind: 'header' as const, header: `Bearer ${text}` })) },
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('unknown-field' as const), name: fc.oneof(printable(30), fc.constantFrom('$where', '$ne', 'id', 'actor', 'status')), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('wrong-type' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('remove-required' as const), pick: fc.nat() }),
);

const bodyArb: fc.Arbitrary<BodyPlan> = fc.oneof(
  { weight: 160, arbitrary: fc.record({ kind: fc.constant('valid' as const), mutation: fc.option(mutationArb, { freq: 4 }) }) },
  { weight: 80, arbitrary: fc.json({ maxDepth: 4 }).map((text) => ({ kind: 'json' as const, text })) },
  {
    weight: 60,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      text: fc.oneof(anyText(200), fc.constantFrom('{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", 'null', '"x"', '42', 'true', '{"a":1}{"b":2}', '\u0000', '{"a":"\\ud800"}')),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', ''),
    }),
  },
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('deep' as const), depth: fc.integer({ min: 9, max: 20_000 }) }) },
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('prototype' as const), key: fc.constantFrom('__proto__', 'constructor', 'prototype'), nested: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'oversize' as const }) },
);

const requestArb = (routeCount: number): fc.Arbitrary<HostileRequest> =>
  fc.record({
    route: fc.nat(routeCount - 1),
    method: fc.option(fc.constantFrom<Method>('get', 'post', 'put', 'patch', 'delete'), { freq: 12 }),
    pathSuffix: fc.option(fc.oneof(encoded(30), fc.constantFrom('/', '/x', '/..', '/%00', '/%2e%2e', '//', '/%E0%A4%A')), { freq: 15 }),
    params: fc.record({ id: fc.option(encoded(60), { freq: 4 }), userId: fc.option(encoded(120), { freq: 3 }), filingNumber: fc.option(encoded(30), { freq: 3 }) }),
    query: fc.array(fc.tuple(queryName, queryValue), { maxLength: 4 }),
    headers: fc.array(
      fc.tuple(fc.constantFrom('If-Match', 'Idempotency-Key', 'X-Correlation-Id', 'X-Request-Id', 'Accept', 'Content-Encoding', 'Transfer-Encoding-Hint'), headerValue),
      { maxLength: 3 },
    ),
    auth: authArb,
    body: bodyArb,
  });

describe('HTTP: hostile requests (property-based, fast-check)', () => {
  let t: TestApp;
  let client: KeepAliveClient;
  let routes: AppRoute[];
  let doc: OpenApiDocument;
  let context: QueryContext;

  beforeAll(async () => {
    t = await startTestApp();
    client = keepAliveClient(t.url, BATCH);
    routes = appRoutes(t.app);
    doc = (await t.http().get('/docs-json').expect(200)).body;
    const cases = new CaseDriver(t);
    const filed = await cases.caseAt('filed');
    await cases.caseAt('in_progress');
    await cases.caseAt('responded_resolved');
    const code = String((await cases.history(filed.caseId))[0].data.verificationCode);
    context = { caseId: filed.caseId, filingNumber: filed.filingNumber, code, head: await t.headPosition() };
  });
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  const commandOf = (route: AppRoute) => COMMAND_ROUTES.find((command) => command.path === route.openApiPath);
  const queryOf = (route: AppRoute) => QUERY_ROUTES.find((query) => query.path === route.openApiPath);
  const rolesOf = (route: AppRoute): readonly Role[] => {
    const roles = commandOf(route)?.roles ?? queryOf(route)?.roles;
    return roles === undefined || roles === 'public' ? ROLES : (roles as Role[]);
  };

  /** A valid body for the route with the mutation applied; a mutation that changes nothing becomes an unknown field. */
  function mutatedBody(route: AppRoute, mutation: Mutation | null): Record<string, unknown> {
    const command = commandOf(route);
    const valid = command ? command.validBody() : {};
    const fields = command ? bodyFields(doc, requestBodySchema(doc, route.openApiPath), valid).fields : [];
    const required = fields.filter((field) => field.required);
    if (mutation?.kind === 'wrong-type' && fields.length > 0) {
      const field = fields[mutation.pick % fields.length];
      return withField(valid, field.field, wrongTypedValue(field.schema));
    }
    if (mutation?.kind === 'remove-required' && required.length > 0) return withField(valid, required[mutation.pick % required.length].field, undefined);
    const name = mutation?.kind === 'unknown-field' && mutation.name && !(mutation.name in valid) ? mutation.name : 'unexpectedField';
    return { ...valid, [name]: mutation?.kind === 'unknown-field' ? mutation.value : true };
  }

  /** The body as bytes and its content type. */
  function bodyOf(route: AppRoute, plan: BodyPlan): { text: string; contentType: string } {
    const json = (text: string) => ({ text, contentType: 'application/json' });
    switch (plan.kind) {
      case 'valid':
        return json(JSON.stringify(mutatedBody(route, plan.mutation)));
      case 'json': {
        // A JSON object is given a field no DTO declares; any other JSON value is no command body at all.
        const parsed: unknown = JSON.parse(plan.text);
        const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
        return json(isObject ? JSON.stringify({ ...(parsed as object), unexpectedField: 1 }) : plan.text);
      }
      case 'raw':
        return { text: plan.text, contentType: plan.contentType };
      case 'deep':
        return json(`{"deep": ${'['.repeat(plan.depth)}${']'.repeat(plan.depth)}, ${JSON.stringify(mutatedBody(route, null)).slice(1)}`);
      case 'oversize':
        return json(JSON.stringify({ ...mutatedBody(route, null), padding: 'x'.repeat(1_100_000) }));
      case 'prototype': {
        const valid = JSON.stringify(commandOf(route)?.validBody() ?? {});
        const injected = `"${plan.key}": {"polluted": "yes", "isAdmin": true}`;
        if (plan.nested && valid.includes('"petitioner":{')) return json(valid.replace('"petitioner":{', `"petitioner":{${injected}, `));
        return json(valid === '{}' ? `{${injected}}` : `{${injected}, ${valid.slice(1)}`);
      }
    }
  }

  function authorization(route: AppRoute, auth: Auth, sub: string): string | null {
    if (auth.kind === 'header') return auth.header;
    const role = auth.kind === 'allowed' ? rolesOf(route)[sub.length % rolesOf(route).length] : auth.role;
    return bearerWithRoles(sub, role);
  }

  /** Builds and sends one request; returns a label for failure messages and the response. */
  async function send(plan: HostileRequest): Promise<[string, Response]> {
    const route = routes[plan.route];
    const sub = route.params.includes('userId') && plan.params.userId === null ? 'bo-beto' : 'fuzz-user';
    const path = fillPath(route, {
      id: plan.params.id ?? context.caseId,
      userId: plan.params.userId ?? sub,
      filingNumber: plan.params.filingNumber ?? context.filingNumber,
    });
    const method = plan.method ?? (route.method.toLowerCase() as Method);
    const validQuery = queryOf(route)?.query(context) ?? {};
    // The route's valid query, the hostile parameters, and always one parameter no route declares
    // (GET /health, which takes none, ignores it and appends nothing anyway).
    const url = withQuery(`${path}${plan.pathSuffix ?? ''}`, { ...validQuery });
    const raw = [...plan.query, ['unexpectedParam', '1'] as const]
      .map(([name, value]) => `${name}=${typeof value === 'string' ? value : 'x'.repeat(value.repeat)}`)
      .join('&');
    const target = `${url}${url.includes('?') ? '&' : '?'}${raw}`;
    let request = client.send(method, target);
    for (const [name, value] of plan.headers) request = request.set(name, value);
    const header = authorization(route, plan.auth, sub);
    if (header !== null) request = request.set('Authorization', header);
    const label = `${method.toUpperCase()} ${target.slice(0, 200)} (${plan.auth.kind}, body ${plan.body.kind})`;
    if (method === 'get') return [label, await request];
    const { text, contentType } = bodyOf(route, plan.body);
    if (contentType) request = request.set('Content-Type', contentType);
    return [label, await request.send(text)];
  }

  it(`answers ${REQUESTS} malformed or hostile requests on every route with no 5xx and appends no event`, async () => {
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const headBefore = await t.headPosition();
    const seen = new Set<number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(requestArb(routes.length), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await Promise.all(batch.map(send));
        sent += answers.length;
        for (const [label, response] of answers) {
          seen.add(response.status);
          expectNoServerError(label, response);
        }
        expect({ appended: (await t.headPosition()) - headBefore }).toEqual({ appended: 0 });
      }),
      { numRuns: RUNS, seed: seedFromEnv('HOSTILE_SEED', Date.now() % 2 ** 31), endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(await t.headPosition()).toBe(headBefore);
    // Refused every way a route refuses: bad input, no token, wrong role, unknown route, too large.
    expect([...seen].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And the API still answers a valid request.
    expect((await t.http().get(`/cases/${context.caseId}`).set('Authorization', bearerWithRoles('fuzz-user', 'agent'))).status).toBe(200);
  }, 300_000);
});
