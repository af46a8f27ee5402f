import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ROLES, Role } from '@app/domain';
import { bearerWithRoles } from './support/actors';
import { AppRoute, appRoutes, fillPath } from './support/app-routes';
import { COMMAND_ROUTES } from './support/command-routes';
import { KeepAliveClient, keepAliveClient } from './support/keep-alive-client';
import { QUERY_ROUTES } from './support/query-routes';
import { MAIL_ROUTES } from './support/mail-routes';
import { PERSONAL_DATA_ROUTES } from './support/personal-data-routes';
import { DIRECTORY_ROUTES } from './support/directory-routes';
import { CATALOG_ROUTES } from './support/catalog-routes';
import { PUBLIC_COMMAND_ROUTES } from './support/public-routes';
import { SIGN_IN_ROUTES } from './support/sign-in-routes';
import { startTestApp, TestApp } from './support/test-app';

/** What API.md gives a route: its roles (the suites' fixtures hold them), or none at all for public routes. */
interface RouteRule {
  roles: readonly Role[] | 'public' | 'shared-secret';
  /** `backoffice (own)`, `agent (own)`: that role reads only the queue named after itself. */
  ownQueueRole?: Role;
}

const RULES = new Map<string, RouteRule>([
  ...COMMAND_ROUTES.map((route): [string, RouteRule] => [`POST ${route.path}`, { roles: route.roles as Role[] }]),
  ...QUERY_ROUTES.map((route): [string, RouteRule] => [`GET ${route.path}`, { roles: route.roles, ownQueueRole: route.ownQueueRole }]),
  ...MAIL_ROUTES.map((route): [string, RouteRule] => [`${route.method} ${route.path}`, { roles: route.roles }]),
  ...PERSONAL_DATA_ROUTES.map((route): [string, RouteRule] => [`${route.method} ${route.path}`, { roles: route.roles }]),
  ...DIRECTORY_ROUTES.map((route): [string, RouteRule] => [`${route.method} ${route.path}`, { roles: route.roles }]),
  ...CATALOG_ROUTES.map((route): [string, RouteRule] => [`${route.method} ${route.path}`, { roles: route.roles }]),
  ...PUBLIC_COMMAND_ROUTES.map((route): [string, RouteRule] => [`${route.method} ${route.path}`, { roles: route.roles }]),
  ...SIGN_IN_ROUTES.map((route): [string, RouteRule] => [`${route.method} ${route.path}`, { roles: route.roles }]),
]);

type Principal = Role | 'no token' | 'no staff role';
const PRINCIPALS: Principal[] = [...ROLES, 'no token', 'no staff role'];
/** What a cell of the matrix says: the request got past authorization, or was refused with 403 or 401. */
type Outcome = 'allowed' | '403' | '401' | '403 not own queue';

const subjectOf = (principal: Principal) => `matrix-${principal.replace(/ /g, '-')}`;

describe('HTTP: authorization, every route × every role, from the application router', () => {
  let t: TestApp;
  let client: KeepAliveClient;
  let routes: AppRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    client = keepAliveClient(t.url, 8);
    routes = appRoutes(t.app);
  });
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  /** Parameters that pass no lookup but get past the router: an unknown case, the caller's own queue, a filing nobody has. */
  const pathFor = (route: AppRoute, principal: Principal, queueOwner = subjectOf(principal)) =>
    fillPath(route, { id: randomUUID(), userId: queueOwner, filingNumber: '1999-999999' });

  function send(route: AppRoute, path: string, principal: Principal): Promise<Response> {
    const request = route.method === 'POST' ? client.post(path).send({}) : client.get(route.path.startsWith('/public/') ? `${path}?code=ABCDEF` : path);
    if (principal === 'no token') return request;
    return request.set('Authorization', principal === 'no staff role' ? bearerWithRoles(subjectOf(principal)) : bearerWithRoles(subjectOf(principal), principal));
  }

  /** How the API answered, as a matrix cell; anything but the four outcomes is shown as it is. */
  function outcomeOf(response: Response): Outcome | string {
    if (response.status === 401 && response.body.code === 'AUTH.UNAUTHENTICATED') return '401';
    if (response.status === 403 && response.body.code === 'AUTH.FORBIDDEN') return '403';
    if (response.status === 403 && response.body.code === 'AUTH.NOT_OWN_QUEUE') return '403 not own queue';
    // Past the guard, the route itself answers: what it read, an unknown case, or the empty body / missing query refused.
    if ([200, 201, 400, 404].includes(response.status)) return 'allowed';
    return `unexpected ${response.status} ${response.body?.code ?? ''}`.trim();
  }

  function expectedOutcome(rule: RouteRule, principal: Principal): Outcome {
    if (rule.roles === 'public') return 'allowed';
    // The inbound mail route takes the gateway's shared secret, never a bearer token.
    if (rule.roles === 'shared-secret') return '401';
    if (principal === 'no token') return '401';
    if (principal === 'no staff role') return '403';
    return rule.roles.includes(principal) ? 'allowed' : '403';
  }

  it('knows, for every route the router serves, the roles API.md gives it (a new route must be added to the fixtures)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(RULES.size);
    const unknown = routes.map((route) => `${route.method} ${route.openApiPath}`).filter((key) => !RULES.has(key));
    expect({ routesWithoutRoles: unknown }).toEqual({ routesWithoutRoles: [] });
    const served = new Set(routes.map((route) => `${route.method} ${route.openApiPath}`));
    expect({ rulesWithoutRoute: [...RULES.keys()].filter((key) => !served.has(key)) }).toEqual({ rulesWithoutRoute: [] });
  });

  it('answers each cell as API.md says: allowed, 403 for a role it does not give, 401 without a valid token', async () => {
    const actual: Record<string, Record<string, string>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const route of routes) {
      const key = `${route.method} ${route.openApiPath}`;
      const rule = RULES.get(key)!;
      actual[key] = {};
      expected[key] = {};
      await Promise.all(
        PRINCIPALS.map(async (principal) => {
          expected[key][principal] = expectedOutcome(rule, principal);
          actual[key][principal] = outcomeOf(await send(route, pathFor(route, principal), principal));
        }),
      );
    }
    expect(actual).toEqual(expected);
    // Every kind of cell occurs: the matrix is not trivially all-allowed or all-refused.
    const cells = Object.values(actual).flatMap((row) => Object.values(row));
    expect(new Set(cells)).toEqual(new Set(['allowed', '403', '401']));
  });

  it('own-queue routes check the user: the owning role reads only its own queue, a supervisor reads anyone\'s', async () => {
    const ownQueueRoutes = routes.filter((route) => RULES.get(`${route.method} ${route.openApiPath}`)?.ownQueueRole);
    expect(ownQueueRoutes.map((route) => route.openApiPath).sort()).toEqual(['/queues/backoffice/{userId}', '/queues/returned/{userId}']);
    const actual: Record<string, Record<string, string>> = {};
    for (const route of ownQueueRoutes) {
      const owner = RULES.get(`${route.method} ${route.openApiPath}`)!.ownQueueRole!;
      actual[route.openApiPath] = {
        [`${owner}, own queue`]: outcomeOf(await send(route, pathFor(route, owner), owner)),
        [`${owner}, another's queue`]: outcomeOf(await send(route, pathFor(route, owner, 'someone-else'), owner)),
        "supervisor, another's queue": outcomeOf(await send(route, pathFor(route, 'supervisor', 'someone-else'), 'supervisor')),
      };
      expect(actual[route.openApiPath]).toEqual({
        [`${owner}, own queue`]: 'allowed',
        [`${owner}, another's queue`]: '403 not own queue',
        "supervisor, another's queue": 'allowed',
      });
    }
  });
});
