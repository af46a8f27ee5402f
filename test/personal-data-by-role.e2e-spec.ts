import { ROLES, Role } from '@app/domain';
import { ACTORS, ActorName, bearer } from './support/actors';
import { AppRoute, appRoutes } from './support/app-routes';
import { MAIL_ROUTES } from './support/mail-routes';
import { seedDirectory } from './support/directory-routes';
import { QUERY_ROUTES, QueryContext, withQuery } from './support/query-routes';
import { ManualClock, startTestApp, TestApp } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

/** The petitioner's personal data, and where staff and the customer copied it into free text. */
const PERSONAL = { name: 'Wilberto Pemberthy Quiceno', document: '73829104657', email: 'wilberto.pemberthy@example.com', phone: '+57 311 555 0199' };
const KINDS = Object.keys(PERSONAL) as (keyof typeof PERSONAL)[];
const signature = `${PERSONAL.name}, C.C. ${PERSONAL.document}, ${PERSONAL.email}, ${PERSONAL.phone}`;

const filing = () => ({
  kind: 'claim',
  typology: 'billing',
  motive: 'duplicate-charge',
  channel: 'phone',
  subject: `Cobro duplicado a ${PERSONAL.name}`,
  facts: `Soy ${signature}; el 15 de febrero de 2026 se me cobró dos veces el plan.`,
  request: `Reversar el cobro; escribirme a ${PERSONAL.email} o llamar al ${PERSONAL.phone}`,
  attachments: [{ name: `cedula-${PERSONAL.document}-Pemberthy.pdf`, contentType: 'application/pdf', size: 1024 }],
  petitioner: { fullName: PERSONAL.name, documentType: 'CC', documentNumber: PERSONAL.document, email: PERSONAL.email, phone: PERSONAL.phone },
  consent: { givenAt: '2026-03-02T09:55:00-05:00', channel: 'phone', policyVersion: '2026-01' },
  // Every case here is the same petitioner's billing claim: each a matter apart (one issue, one case).
  distinctMatter: true,
});

/** The roles each GET route gives (the authorization suite's fixtures), `public` for routes without a token. */
const GET_RULES = new Map<string, readonly Role[] | 'public'>([
  ...QUERY_ROUTES.map((route): [string, readonly Role[] | 'public'] => [route.path, route.roles]),
  ...MAIL_ROUTES.filter((route) => route.method === 'GET').map((route): [string, readonly Role[] | 'public'] => [route.path, route.roles as Role[]]),
]);
const URLS = new Map<string, (c: QueryContext) => string>([
  ...QUERY_ROUTES.map((route): [string, (c: QueryContext) => string] => [route.path, (c) => withQuery(route.url(c), route.query(c))]),
  ['/mail/unmatched', () => '/mail/unmatched'],
]);

type Reader = Role | 'public';
/** What a response carries: the kinds of personal data found in its body, or `none`. */
type Finding = string;

/**
 * Which route shows personal data to which role (DOMAIN.md, Personal data: seen only by roles that
 * need them, a report consumer sees none). Rows: every GET route of the application's router;
 * columns: every role the route allows. Kept in README's Security section.
 */
const ALL = 'name, document, email, phone';
const QUOTED = 'name, document, phone';
const EXTENSION = 'name, phone';
const EXPECTED: Record<string, Partial<Record<Reader, Finding>>> = {
  'GET /cases/{id}': { agent: ALL, supervisor: ALL, backoffice: ALL, quality: ALL, auditor: ALL, reporter: 'none', admin: ALL },
  'GET /cases': { agent: ALL, supervisor: ALL, backoffice: ALL, quality: ALL, auditor: ALL, reporter: 'none', admin: ALL },
  // The return and extension reasons staff wrote, quoted in the steps.
  'GET /cases/{id}/timeline': { agent: QUOTED, supervisor: QUOTED, backoffice: QUOTED, quality: QUOTED, auditor: QUOTED, reporter: 'none', admin: QUOTED },
  'GET /cases/{id}/history': { auditor: ALL, admin: ALL },
  'GET /cases/{id}/conversation': { agent: ALL, supervisor: ALL, backoffice: ALL, quality: ALL, auditor: ALL, admin: ALL },
  // The extension's reason.
  'GET /cases/{id}/deadline': { agent: EXTENSION, supervisor: EXTENSION, backoffice: EXTENSION, quality: EXTENSION, auditor: EXTENSION, reporter: 'none', admin: EXTENSION },
  // The directory holds staff, not petitioners: no petitioner's data, whoever reads it.
  'GET /users': { supervisor: 'none', admin: 'none' },
  'GET /users/{id}': { supervisor: 'none', admin: 'none' },
  'GET /users/{id}/history': { auditor: 'none', admin: 'none' },
  'GET /teams': { supervisor: 'none', admin: 'none' },
  'GET /queues/to-typify': { agent: 'none', supervisor: 'none' },
  'GET /queues/unassigned': { supervisor: 'none' },
  'GET /queues/to-redistribute': { supervisor: 'none' },
  'GET /queues/backoffice/{userId}': { backoffice: 'none', supervisor: 'none' },
  'GET /queues/returned/{userId}': { agent: 'none', supervisor: 'none' },
  'GET /queues/awaiting-customer': { backoffice: 'none', supervisor: 'none' },
  'GET /queues/at-risk': { supervisor: 'none' },
  'GET /queues/summary': { supervisor: 'none' },
  'GET /reports/monthly': { reporter: 'none', supervisor: 'none' },
  'GET /reports': { reporter: 'none', supervisor: 'none' },
  // The customer, with the verification code, reads what was sent to them about their own case: the extension's reason, the information request.
  'GET /public/cases/{filingNumber}': { public: 'name, email, phone' },
  'GET /public/filing-form': { public: 'none' },
  'GET /catalog': { agent: 'none', supervisor: 'none', backoffice: 'none', quality: 'none', auditor: 'none', reporter: 'none', admin: 'none' },
  'GET /calendar/holidays': { agent: 'none', supervisor: 'none', backoffice: 'none', quality: 'none', auditor: 'none', reporter: 'none', admin: 'none' },
  'GET /calendar/deadline': { agent: 'none', supervisor: 'none', backoffice: 'none', quality: 'none', auditor: 'none', reporter: 'none', admin: 'none' },
  'GET /audit/access': { auditor: 'none', admin: 'none' },
  'GET /health': { public: 'none' },
  'GET /health/live': { public: 'none' },
  'GET /health/ready': { public: 'none' },
  'GET /mail/unmatched': { supervisor: 'none' },
  'GET /metrics': { admin: 'none' },
};

/** The fields that carry it, route by route, to every role the route allows; a reporter's reads (prefixed `reporter: `) would show here. */
const CASE_VIEW_FIELDS = ['attachments[].name', 'facts', 'informationRequested', 'petitioner.documentNumber', 'petitioner.email', 'petitioner.fullName', 'petitioner.phone', 'request', 'returnReason', 'subject'];
const FIELDS: Record<string, string[]> = {
  '/cases': CASE_VIEW_FIELDS.map((field) => `items[].${field}`),
  '/cases/{id}': CASE_VIEW_FIELDS,
  '/cases/{id}/conversation': ['entries[].attachments[].name', 'entries[].subject', 'entries[].text'],
  '/cases/{id}/deadline': ['extensions[].reason', 'steps[].effect'],
  '/cases/{id}/history': [
    'events[].data.attachments[].name',
    'events[].data.facts',
    'events[].data.message',
    'events[].data.petitioner.documentNumber',
    'events[].data.petitioner.email',
    'events[].data.petitioner.fullName',
    'events[].data.petitioner.phone',
    'events[].data.reason',
    'events[].data.request',
    'events[].data.subject',
    'state.returnReason',
  ],
  '/cases/{id}/timeline': ['entries[].description'],
  '/public/cases/{filingNumber}': ['entries[].description', 'informationRequest.message'],
};

const actorOf = (role: Role): ActorName => role as ActorName;

describe('Personal data by route and role: a report consumer sees none', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let t: TestApp;
  /** A case returned to its agent with a reason, and one awaiting the customer's information: every free text a read model keeps. */
  let contexts: QueryContext[];

  const command = async (caseId: string, path: string, actor: ActorName, body: object) => {
    const response = await t.http().post(`/cases/${caseId}/${path}`).set('Authorization', bearer(actor)).send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: 200 });
  };
  const fileCase = async () => {
    const filed = await t.http().post('/cases').set('Authorization', bearer('agent')).send(filing()).expect(201);
    const caseId: string = filed.body.caseId;
    const history = await t.http().get(`/cases/${caseId}/history`).set('Authorization', bearer('auditor')).expect(200);
    await command(caseId, 'extensions', 'supervisor', { businessDays: 5, reason: `Concepto de facturación; ${PERSONAL.name} llamó desde el ${PERSONAL.phone}` });
    await command(caseId, 'assignment', 'supervisor', { backofficeId: ACTORS.backoffice.sub });
    return { caseId, filingNumber: filed.body.filingNumber as string, code: history.body.events[0].data.verificationCode as string };
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await createAssignablePeople(t);
    const returned = await fileCase();
    await command(returned.caseId, 'typification-review', 'backoffice', { consistent: false, reason: `Es una queja; ${PERSONAL.name} (${PERSONAL.document}) pide otra cosa` });
    const awaiting = await fileCase();
    await command(awaiting.caseId, 'typification-review', 'backoffice', { consistent: true });
    await command(awaiting.caseId, 'information-requests', 'backoffice', { message: `Señor ${PERSONAL.name}, envíe la factura a ${PERSONAL.email}` });
    // The customer's own filing on the web waits untypified: the to-typify queue lists it.
    const web = { kind: 'claim', fullName: PERSONAL.name, documentType: 'CC', documentNumber: PERSONAL.document, email: PERSONAL.email, phone: PERSONAL.phone };
    await t.http().post('/public/cases').send({ ...web, subject: filing().subject, facts: filing().facts, request: filing().request, consent: { accepted: true, policyVersion: '2026-01' } }).expect(201);
    await seedDirectory(t);
    const head = await t.headPosition();
    contexts = [returned, awaiting].map((c) => ({ ...c, head }));
  });
  afterAll(() => t?.close());

  /** The kinds of personal data in a response body. */
  const findingOf = (body: unknown): Finding => {
    const text = JSON.stringify(body);
    const found = KINDS.filter((kind) => text.includes(PERSONAL[kind]));
    return found.length === 0 ? 'none' : found.join(', ');
  };

  /** Where a response carries personal data: the JSON paths of the strings holding any of it (array indexes as `[]`). */
  const fieldsOf = (value: unknown, path = ''): string[] => {
    if (typeof value === 'string') return KINDS.some((kind) => value.includes(PERSONAL[kind])) ? [path || '(body)'] : [];
    if (Array.isArray(value)) return value.flatMap((item) => fieldsOf(item, `${path}[]`));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => fieldsOf(item, path ? `${path}.${key}` : key));
    return [];
  };
  /** Per route, the fields that carried personal data to any role. */
  const fieldsShown = new Map<string, Set<string>>();

  async function read(route: AppRoute, reader: Reader): Promise<Finding> {
    const findings = new Set<string>();
    for (const context of contexts) {
      const request = t.http().get(URLS.get(route.openApiPath)!(context));
      const response = reader === 'public' ? await request : await request.set('Authorization', bearer(actorOf(reader)));
      expect({ route: route.openApiPath, reader, status: response.status }).toEqual({ route: route.openApiPath, reader, status: 200 });
      for (const kind of findingOf(response.body).split(', ')) findings.add(kind);
      const shown = fieldsShown.get(route.openApiPath) ?? new Set<string>();
      for (const field of fieldsOf(response.body)) shown.add(`${reader === 'reporter' ? 'reporter: ' : ''}${field}`);
      fieldsShown.set(route.openApiPath, shown);
    }
    if (findings.size > 1) findings.delete('none');
    return [...findings].sort((a, b) => KINDS.indexOf(a as never) - KINDS.indexOf(b as never)).join(', ');
  }

  it('reads every GET route of the router as each role it allows: only the expected routes and fields show personal data, none to a reporter', async () => {
    const routes = appRoutes(t.app).filter((route) => route.method === 'GET');
    const actual: Record<string, Partial<Record<Reader, Finding>>> = {};
    for (const route of routes) {
      const roles = GET_RULES.get(route.openApiPath);
      expect({ route: route.openApiPath, known: roles !== undefined }).toEqual({ route: route.openApiPath, known: true });
      const readers: Reader[] = roles === 'public' ? ['public'] : ROLES.filter((role) => roles!.includes(role));
      actual[`GET ${route.openApiPath}`] = {};
      for (const reader of readers) actual[`GET ${route.openApiPath}`][reader] = await read(route, reader);
    }
    expect(actual).toEqual(EXPECTED);
    expect(Object.fromEntries([...fieldsShown].filter(([, fields]) => fields.size > 0).map(([route, fields]) => [route, [...fields].sort()]))).toEqual(FIELDS);
    const reporterColumn = Object.values(actual).flatMap((row) => (row.reporter === undefined ? [] : [row.reporter]));
    expect(new Set(reporterColumn)).toEqual(new Set(['none']));
  });

  it('a reporter gets the case with the pseudonymous petitionerId only, free texts withheld, and the counts and dates intact', async () => {
    const [returned] = contexts;
    const asReporter = await t.http().get(`/cases/${returned.caseId}`).set('Authorization', bearer('reporter')).expect(200);
    const asAgent = await t.http().get(`/cases/${returned.caseId}`).set('Authorization', bearer('agent')).expect(200);
    expect(asReporter.body).toEqual({
      ...asAgent.body,
      petitioner: { fullName: '[withheld]', documentType: '[withheld]', documentNumber: '[withheld]', email: '[withheld]' },
      subject: '[withheld]',
      facts: '[withheld]',
      request: '[withheld]',
      attachments: [{ name: '[withheld]', contentType: 'application/pdf', size: 1024 }],
      returnReason: '[withheld]',
    });
    expect(asReporter.body.petitionerId).toMatch(/^[0-9a-f]{64}$/);
    const deadline = await t.http().get(`/cases/${returned.caseId}/deadline`).set('Authorization', bearer('reporter')).expect(200);
    expect(deadline.body.extensions.map((e: { reason: string }) => e.reason)).toEqual(['[withheld]']);
  });

  it('records no access when a reporter reads a case (nothing was shown); the other roles\' reads are still recorded', async () => {
    const auditOf = async (caseId: string) =>
      (await t.http().get('/audit/access').query({ caseId, limit: 100 }).set('Authorization', bearer('auditor')).expect(200)).body.items as { actorRoles: string[]; route: string }[];
    const [returned] = contexts;
    const before = (await auditOf(returned.caseId)).length;
    await t.http().get(`/cases/${returned.caseId}`).set('Authorization', bearer('reporter')).expect(200);
    await t.http().get('/cases').query({ filingNumber: returned.filingNumber }).set('Authorization', bearer('reporter')).expect(200);
    expect((await auditOf(returned.caseId)).length).toBe(before);
    await t.http().get(`/cases/${returned.caseId}`).set('Authorization', bearer('quality')).expect(200);
    const after = await auditOf(returned.caseId);
    expect(after.length).toBe(before + 1);
    expect(after[after.length - 1]).toMatchObject({ actorRoles: ['quality'], route: 'GET /cases/:id' });
    expect(after.some((entry) => entry.actorRoles.includes('reporter'))).toBe(false);
  });
});
