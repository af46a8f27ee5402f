import type { Response } from 'supertest';
import { ROLES, Role } from '@app/domain';
import { ACTORS, bearer, bearerWithRoles, unauthenticatedHeaders } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { KeepAliveClient, keepAliveClient } from './support/keep-alive-client';
import { expectApiError, expectNoServerError, expectValidationError } from './support/expectations';
import type { OpenApiDocument } from './support/openapi';
import { QUERY_ROUTES, QueryContext, QueryRouteSpec, withQuery } from './support/query-routes';
import { isMailRoute } from './support/mail-routes';
import { seedDirectory } from './support/directory-routes';
import { createAssignablePeople } from './support/assignable-people';
import { ManualClock, startTestApp, TestApp } from './support/test-app';

/** Monday 2 March 2026, 10:00 in Bogotá. */
const NOW = '2026-03-02T15:00:00Z';

interface DocumentedParameter {
  in: string;
  name: string;
}

const routesWith = (predicate: (route: QueryRouteSpec) => boolean) => QUERY_ROUTES.filter(predicate);
/** The probes and the metrics are read by machines (an orchestrator, Prometheus): no query DTO, an unknown parameter is ignored. */
const takesNoQuery = (route: QueryRouteSpec) => ['/health', '/health/live', '/health/ready', '/metrics'].includes(route.path);
const isPublic = (route: QueryRouteSpec) => route.roles === 'public';
const rolesOf = (route: QueryRouteSpec): readonly Role[] => (route.roles === 'public' ? ROLES : route.roles);
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('HTTP: bad input on every query route', () => {
  const clock = new ManualClock(new Date(NOW));
  let t: TestApp;
  let client: KeepAliveClient;
  let doc: OpenApiDocument;
  let context: QueryContext;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    client = keepAliveClient(t.url, 4);
    doc = (await t.http().get('/docs-json').expect(200)).body;
    const cases = new CaseDriver(t);
    // Every queue gets at least two entries, so that paging has a second page.
    const [first] = [await cases.caseAt('filed'), await cases.caseAt('filed'), await cases.caseAt('filed')];
    for (const stage of ['assigned', 'assigned', 'returned', 'returned', 'awaiting_information', 'awaiting_information', 'to_typify', 'to_typify'] as const) await cases.caseAt(stage);
    const history = await cases.history(first.caseId);
    await seedDirectory(t);
    // Two cases of an agent deactivated since: the to-redistribute queue lists them.
    await createAssignablePeople(t, ['bo-baja']);
    for (const { caseId } of [await cases.caseAt('filed'), await cases.caseAt('filed')]) expect((await cases.command(caseId, 'assignment', 'supervisor', { backofficeId: 'bo-baja' })).status).toBe(200);
    await t.http().post('/users/bo-baja/deactivation').set('Authorization', bearer('admin')).send({}).expect(200);
    // The projector runs in the background, and the role checks below read queues without waiting: wait here once.
    await t.http().get('/queues/summary').query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
    // A second staff read of the first case: its access audit (GET /audit/access) has two pages with limit=1.
    expect((await t.http().get(`/cases/${first.caseId}`).set('Authorization', bearer('backoffice'))).status).toBe(200);
    context = { caseId: first.caseId, filingNumber: first.filingNumber, code: String(history[0].data.verificationCode), head: await t.headPosition() };
  });
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  /** The route's owner (for own queues) or its usual actor; `null` sends no Authorization header. */
  function get(url: string, authorization: string | null): Promise<Response> {
    const request = client.get(url);
    return authorization === null ? request : request.set('Authorization', authorization);
  }
  const authorizationFor = (route: QueryRouteSpec) => (route.actor ? bearer(route.actor) : null);
  const validUrl = (route: QueryRouteSpec, overrides: Record<string, string | undefined> = {}, remove: string[] = []) => {
    const query: Record<string, string | undefined> = { ...route.query(context), ...overrides };
    for (const name of remove) delete query[name];
    return withQuery(route.url(context), query);
  };
  /** The valid request with a raw query fragment appended (not re-encoded: hostile bytes arrive as written). */
  const withRaw = (route: QueryRouteSpec, fragment: string) => {
    const url = validUrl(route);
    return `${url}${url.includes('?') ? '&' : '?'}${fragment}`;
  };

  describe('the list of query routes', () => {
    it('covers every GET route of the OpenAPI document, which lists every query route of API.md', () => {
      const documented = Object.entries(doc.paths)
        .filter(([, operations]) => operations.get !== undefined)
        .map(([path]) => path)
        .sort();
      expect(documented).toEqual(expect.arrayContaining(QUERY_ROUTES.map((route) => route.path)));
      // A query route added to the app must get a fixture in support/query-routes.ts, or this fails.
      const withoutFixture = documented.filter((path) => !QUERY_ROUTES.some((route) => route.path === path) && !isMailRoute('GET', path));
      expect({ routesWithoutFixture: withoutFixture }).toEqual({ routesWithoutFixture: [] });
    });

    it('documents exactly the query parameters each fixture knows (limit and cursor on lists, minPosition where reads wait)', () => {
      for (const route of QUERY_ROUTES) {
        const parameters = ((doc.paths[route.path].get as { parameters?: DocumentedParameter[] }).parameters ?? []).filter((p) => p.in === 'query');
        const expected = new Set([...Object.keys(route.query(context)), ...(route.list ? ['limit', 'cursor'] : []), ...(route.freshness ? ['minPosition'] : [])]);
        for (const bad of route.badQueries ?? []) Object.keys(bad.query).forEach((name) => expected.add(name));
        expect({ path: route.path, parameters: parameters.map((p) => p.name).sort() }).toEqual({ path: route.path, parameters: [...expected].sort() });
      }
    });
  });

  describe.each(QUERY_ROUTES)('GET $path', (route) => {
    const send = (url: string) => get(url, authorizationFor(route));

    it('answers the valid request with 200 (the control for every refusal below)', async () => {
      const response = await send(validUrl(route));
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
      if (route.list) {
        expect(response.body).toEqual({ items: expect.any(Array), nextCursor: null });
        expect(response.body.items.length).toBeGreaterThanOrEqual(2);
      }
    });

    if (route.list) {
      it('refuses limit=0, 501, abc, -1, 1.5, empty with 400 naming limit', async () => {
        for (const limit of ['0', '501', 'abc', '-1', '1.5', '', 'true', '1e400']) {
          expectValidationError(`limit=${limit}`, await send(validUrl(route, { limit })), 'limit');
        }
      });

      it('refuses a cursor it never issued (garbage, bad characters, too long, forged shapes) with 400 naming cursor', async () => {
        const page = await send(validUrl(route, { limit: '1' }));
        const own = JSON.parse(Buffer.from(page.body.nextCursor, 'base64url').toString('utf8')) as { q: string; after: unknown[] };
        const cursors = [
          'garbage',
          'a.b',
          'a b',
          '%00',
          '',
          'A'.repeat(2001),
          base64url('null'),
          base64url('[]'),
          base64url('"text"'),
          base64url('{"q":null}'),
          base64url(JSON.stringify({ q: own.q, after: [] })),
          base64url(JSON.stringify({ q: own.q, after: [...own.after, 'extra'] })),
          base64url(JSON.stringify({ q: own.q, after: own.after.map(() => ({ $gt: '' })) })),
          base64url(JSON.stringify({ q: own.q, after: [own.after[0], 42] })),
          base64url(JSON.stringify({ q: 'another-query-fingerprint', after: own.after })),
        ];
        for (const cursor of cursors) expectValidationError(`cursor=${cursor.slice(0, 40)}`, await send(validUrl(route, { cursor })), 'cursor');
      });

      it('pages with limit=1 and nextCursor; a cursor from another query is refused with 400 naming cursor', async () => {
        const first = await send(validUrl(route, { limit: '1' }));
        expect({ status: first.status, items: first.body.items?.length, nextCursor: typeof first.body.nextCursor }).toEqual({ status: 200, items: 1, nextCursor: 'string' });
        const second = await send(validUrl(route, { limit: '1', cursor: first.body.nextCursor }));
        expect({ status: second.status, items: second.body.items?.length }).toEqual({ status: 200, items: 1 });
        expect(second.body.items[0]).not.toEqual(first.body.items[0]);

        for (const other of routesWith((candidate) => candidate.list === true && candidate !== route)) {
          const response = await get(validUrl(other, { cursor: first.body.nextCursor }), authorizationFor(other));
          expectValidationError(`cursor of ${route.path} on ${other.path}`, response, 'cursor');
        }
      });
    }

    if (route.freshness) {
      it('refuses minPosition=-1, abc, 1.5, 1e400, empty array and repeated with 400 naming minPosition', async () => {
        for (const fragment of ['minPosition=-1', 'minPosition=abc', 'minPosition=1.5', 'minPosition=1e400', 'minPosition=1&minPosition=2', 'minPosition=-Infinity']) {
          const url = withQuery(route.url(context), { ...route.query(context), minPosition: undefined });
          expectValidationError(fragment, await send(`${url}${url.includes('?') ? '&' : '?'}${fragment}`), 'minPosition');
        }
      });
    }

    if (!takesNoQuery(route)) {
      it('refuses an unknown query parameter with 400 naming it', async () => {
        for (const name of ['foo', 'limit2', 'Limit', 'sort', 'where', 'filter[status]', 'minPosition[]', '__proto__', 'constructor', '_']) {
          expectValidationError(`?${name}=1`, await send(withRaw(route, `${encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']')}=1`)), name);
        }
        if (!route.list) {
          expectValidationError('?limit=10 on a route that is not a list', await send(validUrl(route, { limit: '10' })), 'limit');
          expectValidationError('?cursor=abc on a route that is not a list', await send(validUrl(route, { cursor: 'abc' })), 'cursor');
        }
      });
    } else {
      it('takes no query parameters and ignores unknown ones (it has no query DTO): 200', async () => {
        const response = await send(withRaw(route, 'foo=1&limit=0'));
        expect({ status: response.status, body: response.text }).toEqual({ status: 200, body: expect.stringMatching(/"status":"(ok|ready)"|^# HELP /) });
      });
    }

    if (route.badQueries) {
      it('refuses bad values of its own parameters with 400 naming the field', async () => {
        for (const { query, field, remove } of route.badQueries!) {
          const label = `${JSON.stringify(query)}${remove ? ` without ${remove.join(', ')}` : ''}`;
          expectValidationError(label, await send(validUrl(route, query, remove)), field);
        }
      });
    }

    if (route.badPathValues) {
      it(`refuses a malformed :${route.badPathValues.field} with 400 naming it`, async () => {
        const { field, values, url } = route.badPathValues!;
        for (const value of values) expectValidationError(`${field} ${value.slice(0, 40)}`, await send(url(value, context)), field);
      });
    }

    if (route.notFound) {
      it('answers a well-formed reference to nothing with 404 CASE.NOT_FOUND', async () => {
        expectApiError('unknown', await send(route.notFound!(context)), 404, 'CASE.NOT_FOUND');
      });
    }

    if (isPublic(route)) {
      it('needs no token, and a bad one changes nothing', async () => {
        for (const { name, header } of unauthenticatedHeaders([])) {
          const response = await get(validUrl(route), header);
          expect({ name, status: response.status }).toEqual({ name, status: 200 });
        }
      });
    } else {
      it('answers 401 AUTH.UNAUTHENTICATED without a valid token (none, garbage, another secret, expired, unsigned, no roles)', async () => {
        for (const { name, header } of unauthenticatedHeaders(rolesOf(route))) {
          expectApiError(name, await get(validUrl(route), header), 401, 'AUTH.UNAUTHENTICATED');
        }
      });

      it('answers 200 to each role API.md gives it', async () => {
        const owner = route.actor ? ACTORS[route.actor].sub : 'someone';
        for (const role of rolesOf(route)) {
          const sub = role === route.ownQueueRole ? owner : `someone-${role}`;
          const response = await get(validUrl(route), bearerWithRoles(sub, role));
          expect({ role, status: response.status }).toEqual({ role, status: 200 });
        }
      });

      const denied = ROLES.filter((role) => !rolesOf(route).includes(role));
      if (denied.length > 0) {
        it('answers 403 AUTH.FORBIDDEN to every other role, and to a token holding no role', async () => {
          // The owner's own name does not open a route to a role it is not given.
          const sub = route.actor ? ACTORS[route.actor].sub : 'someone';
          for (const role of denied) expectApiError(`role ${role}`, await get(validUrl(route), bearerWithRoles(sub, role)), 403, 'AUTH.FORBIDDEN');
          expectApiError('no role', await get(validUrl(route), bearerWithRoles(sub)), 403, 'AUTH.FORBIDDEN');
        });
      }
    }
  });

  describe('own queues', () => {
    it('lets a backoffice agent read their own queue only; a supervisor reads anyone\'s', async () => {
      const own = await get(`/queues/backoffice/${ACTORS.backoffice.sub}`, bearer('backoffice'));
      expect({ status: own.status, count: own.body.items?.length }).toEqual({ status: 200, count: 2 });
      expect(own.body.items.every((item: { assigneeId: string }) => item.assigneeId === ACTORS.backoffice.sub)).toBe(true);

      expectApiError('bo-bruno reads bo-beto', await get(`/queues/backoffice/${ACTORS.backoffice.sub}`, bearer('otherBackoffice')), 403, 'AUTH.NOT_OWN_QUEUE');
      expectApiError('bo-beto reads bo-bruno', await get(`/queues/backoffice/${ACTORS.otherBackoffice.sub}`, bearer('backoffice')), 403, 'AUTH.NOT_OWN_QUEUE');
      // Case matters: another spelling is another user.
      expectApiError('BO-BETO', await get('/queues/backoffice/BO-BETO', bearer('backoffice')), 403, 'AUTH.NOT_OWN_QUEUE');
      // Holding another role too (agent) does not open someone else's backoffice queue.
      expectApiError('backoffice+agent', await get(`/queues/backoffice/${ACTORS.otherBackoffice.sub}`, bearerWithRoles(ACTORS.backoffice.sub, 'backoffice', 'agent')), 403, 'AUTH.NOT_OWN_QUEUE');

      // A directory user acts with the roles the directory grants (ADR 41): bo-beto's token claiming supervisor too opens nothing more.
      expectApiError('backoffice claiming supervisor', await get(`/queues/backoffice/${ACTORS.otherBackoffice.sub}`, bearerWithRoles(ACTORS.backoffice.sub, 'backoffice', 'supervisor')), 403, 'AUTH.NOT_OWN_QUEUE');
      const lead = { userId: 'bo-lead-berta', displayName: 'Berta Líder', email: 'berta@empresa.co', roles: ['backoffice', 'supervisor'], teamIds: [] };
      await t.http().post('/users').set('Authorization', bearer('admin')).send(lead).expect(201);
      for (const authorization of [bearer('supervisor'), bearerWithRoles(lead.userId, 'backoffice', 'supervisor')]) {
        const response = await get(`/queues/backoffice/${ACTORS.backoffice.sub}`, authorization);
        expect({ status: response.status, count: response.body.items?.length }).toEqual({ status: 200, count: 2 });
        expect((await get(`/queues/backoffice/${ACTORS.otherBackoffice.sub}`, authorization)).status).toBe(200);
      }
    });

    it('lets an agent read the cases returned to them only; a supervisor reads anyone\'s', async () => {
      const own = await get(`/queues/returned/${ACTORS.agent.sub}`, bearer('agent'));
      expect({ status: own.status, count: own.body.items?.length }).toEqual({ status: 200, count: 2 });
      expect(own.body.items.every((item: { returnedTo: string }) => item.returnedTo === ACTORS.agent.sub)).toBe(true);

      expectApiError('agent-luis reads agent-ana', await get(`/queues/returned/${ACTORS.agent.sub}`, bearerWithRoles('agent-luis', 'agent')), 403, 'AUTH.NOT_OWN_QUEUE');
      expectApiError('agent-ana reads agent-luis', await get('/queues/returned/agent-luis', bearer('agent')), 403, 'AUTH.NOT_OWN_QUEUE');
      // A backoffice agent may not read returned queues, not even one named like them.
      expectApiError('bo-beto reads returned/bo-beto', await get(`/queues/returned/${ACTORS.backoffice.sub}`, bearer('backoffice')), 403, 'AUTH.FORBIDDEN');
      expectApiError('agent-ana reads backoffice/agent-ana', await get(`/queues/backoffice/${ACTORS.agent.sub}`, bearer('agent')), 403, 'AUTH.FORBIDDEN');

      const bySupervisor = await get(`/queues/returned/${ACTORS.agent.sub}`, bearer('supervisor'));
      expect({ status: bySupervisor.status, count: bySupervisor.body.items?.length }).toEqual({ status: 200, count: 2 });
      expect((await get('/queues/returned/agent-luis', bearer('supervisor'))).body).toEqual({ items: [], nextCursor: null });
    });

    it('checks the userId before the ownership: a malformed one is 400 for everyone', async () => {
      for (const authorization of [bearer('backoffice'), bearer('supervisor')]) {
        expectValidationError('userId with a space', await get('/queues/backoffice/a%20b', authorization), 'userId');
      }
    });
  });

  describe('lookups that find nothing', () => {
    it('GET /cases?filingNumber= of a well-formed number nobody has: 200 with no items', async () => {
      const response = await get('/cases?filingNumber=1999-999999', bearer('agent'));
      expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { items: [], nextCursor: null } });
    });

    it('GET /public/cases/:filingNumber with a wrong code is the same 404 as an unknown number; the code is not case-sensitive', async () => {
      const wrong = context.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
      expectApiError('wrong code', await get(`/public/cases/${context.filingNumber}?code=${wrong}`, null), 404, 'CASE.NOT_FOUND');
      expectApiError('unknown number', await get(`/public/cases/1999-999999?code=${context.code}`, null), 404, 'CASE.NOT_FOUND');
      const lower = await get(`/public/cases/${context.filingNumber}?code=${context.code.toLowerCase()}`, null);
      expect({ status: lower.status, filingNumber: lower.body.filingNumber }).toEqual({ status: 200, filingNumber: context.filingNumber });
    });
  });

  describe('minPosition', () => {
    it('at the head: answers at once with 200', async () => {
      expect((await get(`/queues/summary?minPosition=${context.head}`, bearer('supervisor'))).status).toBe(200);
    });

    it('beyond anything the event store holds: 400 naming minPosition, at once', async () => {
      const response = await get(`/cases/${context.caseId}?minPosition=${context.head + 1_000_000}`, bearer('agent'));
      expectValidationError('minPosition beyond the head', response, 'minPosition');
    });
  });

  describe('hostile query strings', () => {
    const longCursor = 'A'.repeat(1999);
    /** Raw query fragments, appended to each route's valid query and also sent alone. */
    const HOSTILE_FRAGMENTS = [
      'limit=99999999999999999999', 'limit=-0', 'limit=NaN', 'limit=Infinity', 'limit=1e400', 'limit[]=1', 'limit=1&limit=2', 'limit[$gt]=0', 'limit=%00',
      'cursor=%00', `cursor=${longCursor}`, `cursor=${base64url('null')}`, `cursor=${base64url('{"q":"x","after":[{}]}')}`, 'cursor=', 'cursor[]=a',
      `cursor=${base64url('{"q":"x","after":[' + '1,'.repeat(500) + '1]}')}`,
      'minPosition=-0', 'minPosition=%20', 'minPosition=0x1', 'minPosition[]=1', 'minPosition=-1e400', 'minPosition=%00',
      'month=%00', 'month=2026-03%00', 'from=%F0%9F%92%A5', 'to=2026-03-31%0A', 'from=2026-03-01&to=2026-03-01&from=2026-02-01',
      'year=-1', 'year=1e3', 'year=0x7EA', 'year=%E2%80%8B2026', 'businessDays=1e308', 'businessDays=-0', 'withinHours=1e308', 'withinHours=-0',
      `from=${'9'.repeat(5000)}`, `filingNumber=${'1'.repeat(5000)}`, 'filingNumber[$regex]=.*', 'filingNumber=2026-000001%00',
      'code[$ne]=', 'code=%00%00%00%00', `code=${'A'.repeat(5000)}`, 'asOf=%00', 'asOf=9999-12-31T23:59:59Z', 'asOf=0000-01-01T00:00:00Z',
      '__proto__[x]=1', '__proto__=1', 'constructor[prototype][x]=1', 'a[b][c][d][e][f][g][h][i][j]=1',
      '%=1', '%zz=1', '%E0%A4%A=1', 'limit=%E0%A4%A', '&&&&', '=', '==', ';', '?', '%C3%B1=%C3%B1', "x='%20OR%201=1%20--", 'x={"$gt":""}', 'x=%5B%5D',
      `x=${'y'.repeat(6000)}`, Array.from({ length: 300 }, (_, i) => `p${i}=1`).join('&'), Array.from({ length: 300 }, () => 'limit=1').join('&'),
    ];
    const HOSTILE_PATH_VALUES = ['%00', '%E0%A4%A', '%', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'x'.repeat(3000), '%F0%9F%92%A5', "'%20OR%201=1", '%u0000', '%2F', 'null'];

    it.each(QUERY_ROUTES)('never answers GET $path with a 5xx, whatever the query string or path', async (route) => {
      const authorization = authorizationFor(route);
      const bare = route.url(context);
      for (const fragment of HOSTILE_FRAGMENTS) {
        expectNoServerError(`${route.path} + ${fragment.slice(0, 60)}`, await get(withRaw(route, fragment), authorization));
        expectNoServerError(`${route.path} ? ${fragment.slice(0, 60)}`, await get(`${bare}${bare.includes('?') ? '&' : '?'}${fragment}`, authorization));
      }
      if (route.badPathValues) {
        for (const value of HOSTILE_PATH_VALUES) {
          expectNoServerError(`${route.path} with ${route.badPathValues.field} ${value.slice(0, 40)}`, await get(route.badPathValues.url(value, context), authorization));
        }
      }
      // And the app still answers.
      expect((await get(validUrl(route), authorization)).status).toBe(200);
    }, 60_000);
  });

  /** Bugs this suite found once: they stay fixed. */
  describe('regressions', () => {
    const PROTOTYPE_NAMES = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];

    it('an unknown query parameter named like an Object.prototype member (toString, valueOf, hasOwnProperty...) is refused with 400 naming it', async () => {
      for (const route of routesWith((candidate) => !takesNoQuery(candidate))) {
        for (const name of PROTOTYPE_NAMES) {
          expectValidationError(`${route.path}?${name}=1`, await get(withRaw(route, `${name}=1`), authorizationFor(route)), name);
        }
      }
    });

    it('GET /reports refuses impossible calendar dates (30 February, 31 April, 29 February 2026) with 400 naming the field', async () => {
      const supervisor = bearer('supervisor');
      expectValidationError('from=2026-02-30', await get('/reports?from=2026-02-30&to=2026-03-31', supervisor), 'from');
      expectValidationError('from=2026-02-29', await get('/reports?from=2026-02-29&to=2026-03-31', supervisor), 'from');
      expectValidationError('to=2026-04-31', await get('/reports?from=2026-04-01&to=2026-04-31', supervisor), 'to');
      expectValidationError('to=2026-02-31', await get('/reports?from=2026-03-01&to=2026-02-31', supervisor), 'to');
    });

    it('GET /cases/:id/history refuses an asOf without an offset (a date alone, or a local time) with 400 naming asOf', async () => {
      // API.md: times are ISO-8601 with offset. Without one, Date.parse reads a date as UTC midnight and a
      // date-time in the server's own time zone, so the same request gives different states on different hosts.
      for (const asOf of ['2026-03-10', '2026-03-10T12:00:00']) {
        expectValidationError(`asOf=${asOf}`, await get(`/cases/${context.caseId}/history?asOf=${asOf}`, bearer('auditor')), 'asOf');
      }
    });

    it('the "any staff role" case routes refuse a valid token that holds no staff role with 403', async () => {
      for (const route of routesWith((candidate) => ['/cases/{id}', '/cases', '/cases/{id}/timeline'].includes(candidate.path))) {
        expectApiError(`${route.path} without a role`, await get(validUrl(route), bearerWithRoles('nobody')), 403, 'AUTH.FORBIDDEN');
      }
    });
  });
});
