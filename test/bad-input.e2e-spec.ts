import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ROLES } from '@app/domain';
import { ACTORS, bearer, bearerWithRoles, unauthenticatedHeaders } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { COMMAND_ROUTES, CommandRouteSpec, routeUrl } from './support/command-routes';
import { isMailRoute } from './support/mail-routes';
import { isPersonalDataRoute } from './support/personal-data-routes';
import { isDirectoryRoute } from './support/directory-routes';
import { isCatalogRoute } from './support/catalog-routes';
import { isPublicCommandRoute } from './support/public-routes';
import { isSignInRoute } from './support/sign-in-routes';
import { expectApiError, expectNoServerError, expectValidationError, expectValidationErrorOnAnyOf } from './support/expectations';
import { bodyFields, documentedRoles, OpenApiDocument, postPaths, requestBodySchema, withField, withoutField, wrongTypedValue } from './support/openapi';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';
import { validWebFiling } from './support/valid-filing';

/** Monday 2 March 2026, 10:00 in Bogotá: a claim filed now is due 24 March (15 business days). */
const FILED_AT = '2026-03-02T15:00:00Z';

describe('HTTP: bad input on every command route', () => {
  const clock = new ManualClock(new Date(FILED_AT));
  let t: TestApp;
  let cases: CaseDriver;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await createAssignablePeople(t);
    cases = new CaseDriver(t);
    doc = (await t.http().get('/docs-json').expect(200)).body;
    // 2026-000001: the earlier case the filing fixture cites (relatedFilingNumber).
    await cases.file();
  });
  afterAll(() => t.close());
  afterEach(() => clock.set(FILED_AT));

  /** Sends `send`, then checks that the event store's head did not move. */
  async function appendsNothing(send: () => Promise<void>): Promise<void> {
    const before = await t.headPosition();
    await send();
    expect(await t.headPosition()).toBe(before);
  }

  /** As the route's actor, unless `authorization` says otherwise (`null`: no header at all). */
  function post(route: CommandRouteSpec, caseId: string | undefined, authorization: string | null = bearer(route.actor)) {
    const request = t.http().post(routeUrl(route, caseId));
    return authorization === null ? request : request.set('Authorization', authorization);
  }

  /** Raw bytes as the body, so that malformed and hostile JSON reaches the server as written. */
  function postRaw(route: CommandRouteSpec, caseId: string | undefined, body: string, contentType = 'application/json'): Promise<Response> {
    return post(route, caseId).set('Content-Type', contentType).send(body);
  }

  describe('the list of command routes', () => {
    it('is read from the OpenAPI document, which lists every command route API.md defines and the app serves', () => {
      const documented = postPaths(doc);
      const expected = [
        '/cases',
        '/cases/distribution',
        '/cases/{id}/assignment',
        '/cases/{id}/typification-review',
        '/cases/{id}/typification',
        '/cases/{id}/information-requests',
        '/cases/{id}/information',
        '/cases/{id}/responses',
        '/cases/{id}/counter-replies',
        '/cases/{id}/extensions',
        '/cases/{id}/transfer',
        '/cases/{id}/survey',
        '/cases/{id}/quality-reviews',
        '/cases/{id}/closure',
      ];
      expect(documented).toEqual(expect.arrayContaining(expected));
      // A command route added to the app must get a fixture in support/command-routes.ts, or this fails.
      const withoutFixture = documented.filter((path) => !COMMAND_ROUTES.some((route) => route.path === path) && !isMailRoute('POST', path) && !isPersonalDataRoute('POST', path) && !isDirectoryRoute('POST', path) && !isCatalogRoute('POST', path) && !isPublicCommandRoute('POST', path) && !isSignInRoute('POST', path));
      expect({ routesWithoutFixture: withoutFixture }).toEqual({ routesWithoutFixture: [] });
    });

    it('documents, for each route, the roles API.md gives it', () => {
      for (const route of COMMAND_ROUTES) {
        expect({ path: route.path, roles: documentedRoles(doc, route.path).sort() }).toEqual({ path: route.path, roles: [...route.roles].sort() });
      }
    });

    it('documents every field of each fixture body, nested ones included', () => {
      for (const route of COMMAND_ROUTES) {
        const { undocumented } = bodyFields(doc, requestBodySchema(doc, route.path), route.validBody());
        expect({ path: route.path, undocumented }).toEqual({ path: route.path, undocumented: [] });
      }
    });
  });

  describe.each(COMMAND_ROUTES)('POST $path', (route) => {
    /** A case where the valid body would be accepted, so that any bad request that slipped through would append. */
    let target: string | undefined;

    beforeAll(async () => {
      target = route.readyAt ? (await cases.caseAt(route.readyAt)).caseId : undefined;
    });

    const fields = () => bodyFields(doc, requestBodySchema(doc, route.path), route.validBody()).fields;

    it('accepts the valid body on a case ready for it (the control for every refusal below)', async () => {
      const ready = route.readyAt ? (await cases.caseAt(route.readyAt)).caseId : undefined;
      const before = await t.headPosition();
      const response = await post(route, ready).send(route.validBody());
      expect({ status: response.status, body: response.body }).toMatchObject({ status: route.successStatus });
      if (route.appendsOnSuccess !== false) expect(await t.headPosition()).toBeGreaterThan(before);
    });

    it('accepts the valid body without any one field the schema leaves optional (no rule requires what the schema does not)', async () => {
      const conditional = (requestBodySchema(doc, route.path).anyOf ?? []).flatMap((branch) => branch.required ?? []);
      const optional = fields().filter(({ field, required }) => !required && !/\.\d+$/.test(field) && !conditional.includes(field));
      for (const { field } of optional) {
        const ready = route.readyAt ? (await cases.caseAt(route.readyAt)).caseId : undefined;
        const response = await post(route, ready).send(withoutField(route.validBody(), field));
        expect({ without: field, status: response.status, code: response.body.code }).toEqual({ without: field, status: route.successStatus, code: undefined });
      }
    });

    it('when a required field is missing, answers 400 naming it (nested as petitioner.email) and appends nothing', async () => {
      const required = fields().filter((field) => field.required);
      expect(required.length).toBeGreaterThan(0);
      await appendsNothing(async () => {
        for (const { field } of required) {
          expectValidationError(`without ${field}`, await post(route, target).send(withoutField(route.validBody(), field)), field);
        }
      });
    });

    it('when a field has the wrong type (an object given as text or as an array, too), answers 400 naming it and appends nothing', async () => {
      await appendsNothing(async () => {
        for (const { field, schema, isObject } of fields()) {
          const sample = field.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], route.validBody());
          const values = isObject ? ['not-an-object', 12345, [], [sample]] : [wrongTypedValue(schema)];
          // A bad array item may be reported on the item (`attachments.0`) or on its array.
          const names = /\.\d+$/.test(field) ? [field, field.replace(/\.\d+$/, '')] : [field];
          for (const value of values) {
            const response = await post(route, target).send(withField(route.validBody(), field, value));
            expectValidationErrorOnAnyOf(`${field}: ${JSON.stringify(value)}`, response, names);
          }
        }
      });
    });

    it('when an unknown field is added, at the top or inside a nested object, answers 400 naming it and appends nothing', async () => {
      const objects = ['', ...fields().filter((field) => field.isObject).map(({ field }) => `${field}.`)];
      await appendsNothing(async () => {
        for (const prefix of objects) {
          const field = `${prefix}unexpectedField`;
          expectValidationError(`with ${field}`, await post(route, target).send(withField(route.validBody(), field, 'x')), field);
        }
      });
    });

    it('when the body is malformed JSON, answers 400 (not 500) and appends nothing', async () => {
      const valid = JSON.stringify(route.validBody());
      const malformed = [valid.slice(0, -1), `${valid.slice(0, -1)},}`, valid.replace(/"/g, "'"), '{', '{"a":}', 'not json'];
      await appendsNothing(async () => {
        for (const body of malformed) expectApiError(`body ${body.slice(0, 40)}`, await postRaw(route, target, body), 400);
      });
    });

    if (route.readyAt) {
      it('when :id is not a UUID, answers 400 naming id and appends nothing', async () => {
        await appendsNothing(async () => {
          for (const id of ['not-a-uuid', '42', `${randomUUID()}x`, randomUUID().replace(/-/g, ''), '%20']) {
            expectValidationError(`id ${id}`, await post(route, id).send(route.validBody()), 'id');
          }
        });
      });

      it('for an unknown case (a valid UUID), answers 404 CASE.NOT_FOUND and appends nothing', async () => {
        await appendsNothing(async () => {
          expectApiError('unknown case', await post(route, randomUUID()).send(route.validBody()), 404, 'CASE.NOT_FOUND');
          expectApiError('unknown case, with If-Match', await post(route, randomUUID()).set('If-Match', '"1"').send(route.validBody()), 404, 'CASE.NOT_FOUND');
        });
      });
    }

    it('when If-Match is not a revision, answers 400 naming If-Match and appends nothing', async () => {
      await appendsNothing(async () => {
        for (const ifMatch of ['abc', '"-1"', '"1.5"', '"1", "2"', '"9999999999999999"', 'W/"x"']) {
          expectValidationError(`If-Match ${ifMatch}`, await post(route, target).set('If-Match', ifMatch).send(route.validBody()), 'If-Match');
        }
      });
    });

    it('when Idempotency-Key or X-Correlation-Id is not 1-200 visible ASCII characters, answers 400 naming it and appends nothing', async () => {
      await appendsNothing(async () => {
        for (const [header, value] of [
          ['Idempotency-Key', 'has spaces'],
          ['Idempotency-Key', 'k'.repeat(201)],
          ['X-Correlation-Id', 'has spaces'],
        ]) {
          expectValidationError(`${header}: ${value.slice(0, 20)}`, await post(route, target).set(header, value).send(route.validBody()), header);
        }
      });
    });

    it('without a valid token (none, garbage, another secret, expired, unsigned, no roles), answers 401 and appends nothing', async () => {
      await appendsNothing(async () => {
        for (const { name, header } of unauthenticatedHeaders(route.roles)) {
          expectApiError(name, await post(route, target, header).send(route.validBody()), 401, 'AUTH.UNAUTHENTICATED');
        }
      });
    });

    it('with a role API.md does not allow on it, answers 403 and appends nothing', async () => {
      const denied = ROLES.filter((role) => !route.roles.includes(role));
      expect(denied.length).toBeGreaterThan(0);
      await appendsNothing(async () => {
        for (const role of denied) {
          expectApiError(`role ${role}`, await post(route, target, bearerWithRoles(`someone-${role}`, role)).send(route.validBody()), 403, 'AUTH.FORBIDDEN');
        }
        expectApiError('no known role', await post(route, target, bearerWithRoles('someone')).send(route.validBody()), 403, 'AUTH.FORBIDDEN');
      });
    });

    if (route.forbiddenAt) {
      it(`when the case is ${route.forbiddenAt}, a status that forbids the command, answers 409 CASE.WRONG_STATUS and appends nothing`, async () => {
        const { caseId } = await cases.caseAt(route.forbiddenAt!);
        await appendsNothing(async () => {
          expectApiError(`on a ${route.forbiddenAt} case`, await post(route, caseId).send(route.validBody()), 409, 'CASE.WRONG_STATUS');
        });
      });
    }
  });

  describe('business rules broken by the payload', () => {
    it('refuses a counter-reply after the 3-business-day window with 422 CASE.COUNTER_REPLY_WINDOW_CLOSED', async () => {
      // Responded Monday 2 March 10:00: the window ends Thursday 5 March, 23:59:59.999 in Bogotá.
      const late = await cases.caseAt('responded_pending');
      const onTime = await cases.caseAt('responded_pending');
      const counterReply = { summary: 'El cliente no está de acuerdo', channel: 'email' };

      clock.set('2026-03-06T04:59:59.000Z');
      expect((await cases.command(onTime.caseId, 'counter-replies', 'agent', counterReply)).status).toBe(200);

      clock.set('2026-03-06T15:00:00Z');
      await appendsNothing(async () => {
        const response = await cases.command(late.caseId, 'counter-replies', 'agent', counterReply);
        expectApiError('counter-reply on Friday', response, 422, 'CASE.COUNTER_REPLY_WINDOW_CLOSED');
        expect(response.body.details).toEqual({ counterReplyDeadline: '2026-03-05T23:59:59.999-05:00' });
      });
    });

    it('refuses an extension once the deadline has passed with 422 CASE.DEADLINE_PASSED', async () => {
      const { caseId } = await cases.caseAt('filed');
      clock.set('2026-03-25T15:00:00Z');
      await appendsNothing(async () => {
        const response = await cases.command(caseId, 'extensions', 'supervisor', { businessDays: 5, reason: 'Concepto técnico pendiente' });
        expectApiError('extension after 24 March', response, 422, 'CASE.DEADLINE_PASSED');
        expect(response.body.details).toEqual({ dueAt: '2026-03-24T23:59:59.999-05:00' });
      });
    });

    it('refuses extensions adding more than the original term with 422 CASE.EXTENSION_TOO_LONG', async () => {
      const { caseId } = await cases.caseAt('filed');
      await appendsNothing(async () => {
        const response = await cases.command(caseId, 'extensions', 'supervisor', { businessDays: 16, reason: 'Concepto técnico pendiente' });
        expectApiError('16 days on a 15-day term', response, 422, 'CASE.EXTENSION_TOO_LONG');
        expect(response.body.details).toEqual({ maxBusinessDays: 15 });
      });
      expect((await cases.command(caseId, 'extensions', 'supervisor', { businessDays: 10, reason: 'Primera prórroga' })).status).toBe(200);
      await appendsNothing(async () => {
        const response = await cases.command(caseId, 'extensions', 'supervisor', { businessDays: 6, reason: 'Segunda prórroga' });
        expectApiError('6 more after 10', response, 422, 'CASE.EXTENSION_TOO_LONG');
        expect(response.body.details).toEqual({ maxBusinessDays: 5 });
      });
    });

    it('refuses returning a case to its agent with a blank reason with 422 CASE.REASON_REQUIRED', async () => {
      const { caseId } = await cases.caseAt('assigned');
      await appendsNothing(async () => {
        expectApiError('reason "   "', await cases.command(caseId, 'typification-review', 'backoffice', { consistent: false, reason: '   ' }), 422, 'CASE.REASON_REQUIRED');
      });
    });

    it('refuses resolving a claim at first line with 422 CASE.FIRST_LINE_NOT_ALLOWED', async () => {
      await appendsNothing(async () => {
        const body = { ...validFiling(), kind: 'claim', firstLineResolution: { resolution: 'Se reversó en línea' } };
        expectApiError('claim at first line', await t.http().post('/cases').set('Authorization', bearer('agent')).send(body), 422, 'CASE.FIRST_LINE_NOT_ALLOWED');
      });
    });

    it('takes survey scores 1 to 5 only (anything else is a 400 on score) and one answer per resolved case', async () => {
      const resolved = await cases.caseAt('responded_resolved');
      const pending = await cases.caseAt('responded_pending');
      await appendsNothing(async () => {
        for (const score of [0, 6, 2.5, -1, '5', null]) {
          expectValidationError(`score ${JSON.stringify(score)}`, await cases.command(resolved.caseId, 'survey', 'agent', { score }), 'score');
        }
      });
      for (const score of [1, 5]) {
        const { caseId } = await cases.caseAt('responded_resolved');
        expect({ score, status: (await cases.command(caseId, 'survey', 'agent', { score })).status }).toEqual({ score, status: 200 });
      }
      expect((await cases.command(resolved.caseId, 'survey', 'agent', { score: 3 })).status).toBe(200);
      await appendsNothing(async () => {
        expectApiError('a second answer', await cases.command(resolved.caseId, 'survey', 'agent', { score: 5 }), 409, 'CASE.SURVEY_ALREADY_ANSWERED');
        expectApiError('on a pending response', await cases.command(pending.caseId, 'survey', 'agent', { score: 5 }), 409, 'CASE.WRONG_STATUS');
      });
    });
  });

  describe('the acting person, beyond the role', () => {
    it('refuses a backoffice agent working a case assigned to another with 403 CASE.NOT_ASSIGNEE', async () => {
      const { caseId } = await cases.caseAt('assigned');
      await appendsNothing(async () => {
        expectApiError('bo-bruno on bo-beto’s case', await cases.command(caseId, 'typification-review', 'otherBackoffice', { consistent: true }), 403, 'CASE.NOT_ASSIGNEE');
      });
    });

    it('refuses assigning a case again to the same backoffice agent with 409 CASE.ALREADY_ASSIGNED', async () => {
      const { caseId } = await cases.caseAt('assigned');
      await appendsNothing(async () => {
        expectApiError('same assignee', await cases.command(caseId, 'assignment', 'supervisor', { backofficeId: ACTORS.backoffice.sub }), 409, 'CASE.ALREADY_ASSIGNED');
      });
    });
  });

  describe('hostile bodies', () => {
    const hostileValues = (maxLength: number | undefined): Array<[string, unknown]> => [
      ['null', null],
      ['an empty array', []],
      ['an array of strings', ['a', 'b']],
      ['an empty object', {}],
      ['a query operator', { $ne: null }],
      ['a string over the max length', 'x'.repeat((maxLength ?? 200_000) + 1)],
      ['a number as a string', '5'],
      ['a number', 5],
      ['a huge number', 1e308],
      ['a boolean', true],
      ['a nested object', { value: { deeper: ['x'] } }],
      ['a __proto__ object', JSON.parse('{"__proto__": {"polluted": "yes"}}')],
      ['a constructor.prototype object', { constructor: { prototype: { polluted: 'yes' } } }],
    ];

    const deeplyNested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

    /** Whole bodies, as raw JSON text (or other content), that no route should take. */
    const hostileBodies = (valid: Record<string, unknown>): Array<[string, string, string?]> => {
      const json = JSON.stringify(valid);
      return [
        ['an empty body', ''],
        ['an empty object', '{}'],
        ['an empty array', '[]'],
        ['the valid body inside an array', `[${json}]`],
        ['null', 'null'],
        ['a string', '"text"'],
        ['a number', '42'],
        ['a __proto__ key beside valid fields', `{"__proto__": {"polluted": "yes"}, ${json.slice(1)}`],
        ['a constructor key beside valid fields', `{"constructor": {"prototype": {"polluted": "yes"}}, ${json.slice(1)}`],
        ['a prototype key beside valid fields', `{"prototype": {"polluted": "yes"}, ${json.slice(1)}`],
        ['arrays nested 100 000 deep', deeplyNested(100_000)],
        ['an extra field nested 5 000 deep', `{"deep": ${deeplyNested(5_000)}, ${json.slice(1)}`],
        ['duplicated keys', `{"x": 1, "x": 2, ${json.slice(1)}`],
        ['a body over 1 MB', JSON.stringify({ ...valid, padding: 'x'.repeat(1_100_000) })],
        ['a form body', 'a=1&b=2', 'application/x-www-form-urlencoded'],
        ['plain text', json, 'text/plain'],
        ['JSON in another charset', json, 'application/json; charset=latin1'],
      ];
    };

    it.each(COMMAND_ROUTES)('never answers POST $path with a 5xx, whatever the body', async (route) => {
      const { caseId } = route.readyAt ? await cases.caseAt(route.readyAt) : { caseId: undefined };
      for (const [name, body, contentType] of hostileBodies(route.validBody())) {
        expectNoServerError(`body: ${name}`, await postRaw(route, caseId, body, contentType));
      }
      for (const { field, schema } of bodyFields(doc, requestBodySchema(doc, route.path), route.validBody()).fields) {
        for (const [name, value] of hostileValues(schema.maxLength)) {
          expectNoServerError(`${field}: ${name}`, await post(route, caseId).send(withField(route.validBody(), field, value)));
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('answers unknown prototype keys with 400 naming them, like any unknown field, and appends nothing', async () => {
      const route = COMMAND_ROUTES.find((candidate) => candidate.path === '/cases')!;
      const json = JSON.stringify(route.validBody());
      await appendsNothing(async () => {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          expectValidationError(`top-level ${key}`, await postRaw(route, undefined, `{"${key}": {"kind": "claim"}, ${json.slice(1)}`), key);
          const nested = json.replace('"petitioner":{', `"petitioner":{"${key}": {"x": 1}, `);
          expectValidationError(`petitioner.${key}`, await postRaw(route, undefined, nested), `petitioner.${key}`);
        }
      });
    });
  });

  describe('POST /public/cases (the customer files on the web: no token)', () => {
    const filePublicly = (body: object, headers: Record<string, string> = {}) => t.http().post('/public/cases').set(headers).send(body);
    const fields = () => bodyFields(doc, requestBodySchema(doc, '/public/cases'), validWebFiling()).fields;

    it('files the valid body, every optional field included (the control for every refusal below)', async () => {
      const before = await t.headPosition();
      const body = { ...validWebFiling(), company: 'Rojas SAS', relatedFilingNumber: '2026-000001', website: '' };
      expect(bodyFields(doc, requestBodySchema(doc, '/public/cases'), body).undocumented).toEqual([]);
      const response = await filePublicly(body);
      expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { filingNumber: expect.stringMatching(/^\d{4}-\d{6}$/) } });
      expect(await t.headPosition()).toBe(before + 1);
    });

    it('when a required field is missing, or has the wrong type, answers 400 naming it and files nothing', async () => {
      await appendsNothing(async () => {
        for (const { field, required, schema, isObject } of fields()) {
          if (required) expectValidationError(`without ${field}`, await filePublicly(withoutField(validWebFiling(), field)), field);
          const value = isObject ? 'not-an-object' : wrongTypedValue(schema);
          expectValidationError(`${field}: ${JSON.stringify(value)}`, await filePublicly(withField(validWebFiling(), field, value)), field);
        }
      });
    });

    it('when a text is longer than GET /public/filing-form says, answers 400 naming it and files nothing', async () => {
      const { limits } = (await t.http().get('/public/filing-form').expect(200)).body as { limits: Record<string, number> };
      await appendsNothing(async () => {
        for (const [field, max] of Object.entries(limits)) {
          const value = field === 'email' ? `${'a'.repeat(max)}@example.com` : field === 'phone' ? '3'.repeat(max + 1) : field === 'documentNumber' ? '1'.repeat(max + 1) : 'x'.repeat(max + 1);
          expectValidationError(`${field} of ${value.length}`, await filePublicly({ ...validWebFiling(), [field]: value }), field);
        }
      });
    });

    it.each([
      ['a kind the customer does not file (a derecho de petición is told apart when typified)', { kind: 'formal_petition' }, 'kind'],
      ['the honeypot filled in (a bot)', { website: 'https://spam.example' }, 'website'],
      ['consent not accepted', { consent: { accepted: false, policyVersion: '2026-01' } }, 'consent.accepted'],
      ['consent under another policy version than the form shows', { consent: { accepted: true, policyVersion: '2025-07' } }, 'consent.policyVersion'],
      ['a typification (staff only)', { typology: 'billing', motive: 'duplicate-charge' }, 'typology'],
      ['a channel (always web)', { channel: 'phone' }, 'channel'],
      ['attachments (not taken on the web yet)', { attachments: [] }, 'attachments'],
      ['an address that is not one', { email: 'maria.rojas' }, 'email'],
      ['an empty subject', { subject: '' }, 'subject'],
    ])('refuses %s with 400 naming the field, and files nothing', async (_what, change, field) => {
      await appendsNothing(async () => expectValidationError(field, await filePublicly({ ...validWebFiling(), ...change }), field));
    });

    it('refuses an earlier filing number nobody filed with 422 CASE.RELATED_NOT_FOUND, and a key reused for another body with 422 IDEMPOTENCY.KEY_REUSED', async () => {
      await appendsNothing(async () => {
        expectApiError('related 2026-999999', await filePublicly({ ...validWebFiling(), relatedFilingNumber: '2026-999999' }), 422, 'CASE.RELATED_NOT_FOUND');
      });
      const key = `web-form-${randomUUID()}`;
      expect((await filePublicly(validWebFiling(), { 'Idempotency-Key': key })).status).toBe(201);
      await appendsNothing(async () => {
        expectApiError('same key, other body', await filePublicly({ ...validWebFiling(), subject: 'Otro asunto' }, { 'Idempotency-Key': key }), 422, 'IDEMPOTENCY.KEY_REUSED');
        expectValidationError('bad key', await filePublicly(validWebFiling(), { 'Idempotency-Key': 'has spaces' }), 'Idempotency-Key');
      });
    });
  });
});
