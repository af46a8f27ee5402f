import { randomUUID } from 'node:crypto';
import { ROLES, Role } from '@app/domain';
import { ACTORS, ActorName } from './actors';

/** What the query suites need to know about the data they set up. */
export interface QueryContext {
  caseId: string;
  filingNumber: string;
  /** The customer's verification code of that case. */
  code: string;
  /** The event store head once the data is in: valid queries pass it as minPosition. */
  head: number;
}

export type QueryParams = Record<string, string>;

/** What the suites know about one query route of API.md, keyed by its OpenAPI path. */
export interface QueryRouteSpec {
  /** As the OpenAPI document names it: `/queues/backoffice/{userId}`. */
  path: string;
  /** Public routes need no token; the others name the roles API.md gives them. */
  roles: readonly Role[] | 'public';
  /** The queue owner's own role, for `backoffice (own)` / `agent (own)` routes. */
  ownQueueRole?: Role;
  /** Who sends the valid request (holds one of `roles`; the owner of an own queue). */
  actor?: ActorName;
  url: (context: QueryContext) => string;
  /** A query the route accepts (minPosition included where the route takes it). */
  query: (context: QueryContext) => QueryParams;
  /** Paged (`limit`, `cursor`, `{ items, nextCursor }`). */
  list?: boolean;
  /** Takes `?minPosition=`. */
  freshness?: boolean;
  /** Query parameters with bad values, each merged over the valid query (minus `remove`), and the field `details` must name. */
  badQueries?: Array<{ query: QueryParams; field: string; remove?: string[] }>;
  /** Bad values of the path parameter (already URL-encoded), and the field `details` must name. */
  badPathValues?: { field: string; values: string[]; url: (value: string, context: QueryContext) => string };
  /** A well-formed reference to nothing: 404 CASE.NOT_FOUND. */
  notFound?: (context: QueryContext) => string;
}

const STAFF: readonly Role[] = ROLES;
const BAD_UUIDS = ['not-a-uuid', '42', `${randomUUID()}x`, randomUUID().replace(/-/g, ''), '%20', '%00', 'null', 'undefined'];
const BAD_USER_IDS = ['a%20b', 'x'.repeat(101), '%C3%B1and%C3%BA', '%00', 'tab%09id', `x'%20OR%20'1'%3D'1`];

/** The query routes of API.md (and the audit routes the app adds: history, access). */
export const QUERY_ROUTES: QueryRouteSpec[] = [
  {
    path: '/users',
    roles: ['admin', 'supervisor'],
    actor: 'supervisor',
    url: () => '/users',
    query: (c) => ({ minPosition: String(c.head) }),
    list: true,
    freshness: true,
    badQueries: [
      { query: { role: 'jefe' }, field: 'role' },
      { query: { active: 'maybe' }, field: 'active' },
      { query: { teamId: 'a b' }, field: 'teamId' },
    ],
  },
  {
    path: '/users/{id}',
    roles: ['admin', 'supervisor'],
    actor: 'admin',
    url: () => `/users/${ACTORS.backoffice.sub}`,
    query: (c) => ({ minPosition: String(c.head) }),
    freshness: true,
    badPathValues: { field: 'id', values: BAD_USER_IDS, url: (value) => `/users/${value}` },
  },
  {
    path: '/users/{id}/history',
    roles: ['auditor', 'admin'],
    actor: 'auditor',
    url: () => `/users/${ACTORS.backoffice.sub}/history`,
    query: () => ({}),
    badPathValues: { field: 'id', values: BAD_USER_IDS, url: (value) => `/users/${value}/history` },
  },
  { path: '/catalog', roles: STAFF, actor: 'agent', url: () => '/catalog', query: () => ({}) },
  {
    path: '/teams',
    roles: ['admin', 'supervisor'],
    actor: 'supervisor',
    url: () => '/teams',
    query: (c) => ({ minPosition: String(c.head) }),
    freshness: true,
  },
  {
    path: '/cases/{id}',
    roles: STAFF,
    actor: 'backoffice',
    url: (c) => `/cases/${c.caseId}`,
    query: (c) => ({ minPosition: String(c.head) }),
    freshness: true,
    badPathValues: { field: 'id', values: BAD_UUIDS, url: (value) => `/cases/${value}` },
    notFound: () => `/cases/${randomUUID()}`,
  },
  {
    path: '/cases',
    roles: STAFF,
    actor: 'agent',
    url: () => '/cases',
    // A list of at least two cases (the suites page it); `filingNumber` finds one: its bad values are below.
    query: (c) => ({ typology: 'billing', minPosition: String(c.head) }),
    list: true,
    freshness: true,
    badQueries: [
      { query: { filingNumber: '' }, field: 'filingNumber' },
      { query: { petitionerDocument: '1020304050' }, field: 'petitionerDocumentType' },
      { query: { petitionerDocumentType: 'XX', petitionerDocument: '1020304050' }, field: 'petitionerDocumentType' },
      { query: { petitionerDocumentType: 'CC', petitionerDocument: '10203{$ne:1}' }, field: 'petitionerDocument' },
      { query: { petitionerEmail: 'maria' }, field: 'petitionerEmail' },
      { query: { status: 'none' }, field: 'status' },
      { query: { kind: 'Claim' }, field: 'kind' },
      { query: { channel: 'fax' }, field: 'channel' },
      { query: { typology: 'bill\u0007ing' }, field: 'typology' },
      { query: { assigneeId: 'b'.repeat(101) }, field: 'assigneeId' },
      { query: { priority: 'high' }, field: 'priority' },
      { query: { filedFrom: '2026-03-01' }, field: 'filedFrom' },
      { query: { filedTo: 'yesterday' }, field: 'filedTo' },
      { query: { dueFrom: '2026-13-01T00:00:00Z' }, field: 'dueFrom' },
      { query: { dueTo: '2026-03-01T25:00:00-05:00' }, field: 'dueTo' },
      { query: { overdue: '1' }, field: 'overdue' },
      { query: { sort: 'petitioner' }, field: 'sort' },
      { query: { filingNumber: 'abc' }, field: 'filingNumber' },
      { query: { filingNumber: '2026-42' }, field: 'filingNumber' },
      { query: { filingNumber: '2026-0000001' }, field: 'filingNumber' },
      { query: { filingNumber: '26-000001' }, field: 'filingNumber' },
      { query: { filingNumber: '2026_000001' }, field: 'filingNumber' },
      { query: { filingNumber: '2026-000001 ' }, field: 'filingNumber' },
      { query: { filingNumber: "2026-000001' OR 1=1 --" }, field: 'filingNumber' },
    ],
  },
  {
    path: '/cases/{id}/timeline',
    roles: STAFF,
    actor: 'quality',
    url: (c) => `/cases/${c.caseId}/timeline`,
    query: (c) => ({ minPosition: String(c.head) }),
    freshness: true,
    badPathValues: { field: 'id', values: BAD_UUIDS, url: (value) => `/cases/${value}/timeline` },
    notFound: () => `/cases/${randomUUID()}/timeline`,
  },
  {
    path: '/cases/{id}/conversation',
    roles: ['agent', 'backoffice', 'supervisor', 'quality', 'auditor', 'admin'],
    actor: 'supervisor',
    url: (c) => `/cases/${c.caseId}/conversation`,
    query: () => ({}),
    badPathValues: { field: 'id', values: BAD_UUIDS, url: (value) => `/cases/${value}/conversation` },
    notFound: () => `/cases/${randomUUID()}/conversation`,
  },
  {
    path: '/cases/{id}/history',
    roles: ['auditor', 'admin'],
    actor: 'auditor',
    url: (c) => `/cases/${c.caseId}/history`,
    query: () => ({ asOf: '2026-03-10T12:00:00-05:00', verify: 'true' }),
    badQueries: [
      { query: { asOf: 'yesterday' }, field: 'asOf' },
      { query: { asOf: '2026-13-10T12:00:00Z' }, field: 'asOf' },
      { query: { asOf: '' }, field: 'asOf' },
      { query: { verify: 'yes' }, field: 'verify' },
      { query: { verify: '1' }, field: 'verify' },
      { query: { verify: 'TRUE' }, field: 'verify' },
      { query: { verify: '' }, field: 'verify' },
    ],
    badPathValues: { field: 'id', values: BAD_UUIDS, url: (value) => `/cases/${value}/history` },
    notFound: () => `/cases/${randomUUID()}/history`,
  },
  {
    path: '/cases/{id}/deadline',
    roles: STAFF,
    actor: 'supervisor',
    url: (c) => `/cases/${c.caseId}/deadline`,
    query: () => ({ lang: 'en' }),
    badQueries: [{ query: { lang: 'fr' }, field: 'lang' }],
    badPathValues: { field: 'id', values: BAD_UUIDS, url: (value) => `/cases/${value}/deadline` },
    notFound: () => `/cases/${randomUUID()}/deadline`,
  },
  {
    path: '/queues/to-typify',
    roles: ['agent', 'supervisor'],
    actor: 'agent',
    url: () => '/queues/to-typify',
    query: (c) => ({ minPosition: String(c.head) }),
    list: true,
    freshness: true,
  },
  {
    path: '/queues/unassigned',
    roles: ['supervisor'],
    actor: 'supervisor',
    url: () => '/queues/unassigned',
    query: (c) => ({ minPosition: String(c.head) }),
    list: true,
    freshness: true,
  },
  {
    path: '/queues/to-redistribute',
    roles: ['supervisor'],
    actor: 'supervisor',
    url: () => '/queues/to-redistribute',
    query: (c) => ({ minPosition: String(c.head) }),
    list: true,
    freshness: true,
  },
  {
    path: '/queues/backoffice/{userId}',
    roles: ['backoffice', 'supervisor'],
    ownQueueRole: 'backoffice',
    actor: 'backoffice',
    url: () => `/queues/backoffice/${ACTORS.backoffice.sub}`,
    query: (c) => ({ minPosition: String(c.head) }),
    list: true,
    freshness: true,
    badPathValues: { field: 'userId', values: BAD_USER_IDS, url: (value) => `/queues/backoffice/${value}` },
  },
  {
    path: '/queues/returned/{userId}',
    roles: ['agent', 'supervisor'],
    ownQueueRole: 'agent',
    actor: 'agent',
    url: () => `/queues/returned/${ACTORS.agent.sub}`,
    query: (c) => ({ minPosition: String(c.head) }),
    list: true,
    freshness: true,
    badPathValues: { field: 'userId', values: BAD_USER_IDS, url: (value) => `/queues/returned/${value}` },
  },
  {
    path: '/queues/awaiting-customer',
    roles: ['backoffice', 'supervisor'],
    actor: 'backoffice',
    url: () => '/queues/awaiting-customer',
    query: (c) => ({ minPosition: String(c.head) }),
    list: true,
    freshness: true,
  },
  {
    path: '/queues/at-risk',
    roles: ['supervisor'],
    actor: 'supervisor',
    url: () => '/queues/at-risk',
    query: (c) => ({ minPosition: String(c.head), withinHours: '720' }),
    list: true,
    freshness: true,
    badQueries: [
      { query: { withinHours: '-1' }, field: 'withinHours' },
      { query: { withinHours: '721' }, field: 'withinHours' },
      { query: { withinHours: 'abc' }, field: 'withinHours' },
      { query: { withinHours: '1.5' }, field: 'withinHours' },
    ],
  },
  {
    path: '/queues/summary',
    roles: ['supervisor'],
    actor: 'supervisor',
    url: () => '/queues/summary',
    query: (c) => ({ minPosition: String(c.head) }),
    freshness: true,
  },
  {
    path: '/reports/monthly',
    roles: ['reporter', 'supervisor'],
    actor: 'reporter',
    url: () => '/reports/monthly',
    query: (c) => ({ month: '2026-03', minPosition: String(c.head) }),
    freshness: true,
    badQueries: [
      { query: {}, remove: ['month'], field: 'month' },
      { query: { month: '2026-13' }, field: 'month' },
      { query: { month: '2026-00' }, field: 'month' },
      { query: { month: '2026-3' }, field: 'month' },
      { query: { month: '26-03' }, field: 'month' },
      { query: { month: '2026-03-01' }, field: 'month' },
      { query: { month: 'marzo' }, field: 'month' },
      { query: { month: '' }, field: 'month' },
    ],
  },
  {
    path: '/reports',
    roles: ['reporter', 'supervisor'],
    actor: 'supervisor',
    url: () => '/reports',
    query: (c) => ({ from: '2026-03-01', to: '2026-03-31', minPosition: String(c.head) }),
    freshness: true,
    badQueries: [
      { query: {}, remove: ['from'], field: 'from' },
      { query: {}, remove: ['to'], field: 'to' },
      { query: { from: '2026-3-1' }, field: 'from' },
      { query: { from: '2026-13-01' }, field: 'from' },
      { query: { from: '2026-03-32' }, field: 'from' },
      { query: { to: '31/03/2026' }, field: 'to' },
      { query: { to: '2026-03-31T00:00:00Z' }, field: 'to' },
      // from after to
      { query: { from: '2026-04-01', to: '2026-03-01' }, field: 'to' },
      // more than three years
      { query: { from: '2020-01-01', to: '2026-01-01' }, field: 'to' },
    ],
  },
  {
    path: '/public/filing-form',
    roles: 'public',
    url: () => '/public/filing-form',
    query: () => ({}),
  },
  {
    path: '/public/cases/{filingNumber}',
    roles: 'public',
    url: (c) => `/public/cases/${c.filingNumber}`,
    query: (c) => ({ code: c.code }),
    badQueries: [
      { query: {}, remove: ['code'], field: 'code' },
      { query: { code: '' }, field: 'code' },
      { query: { code: 'abc' }, field: 'code' },
      { query: { code: 'ABCDEFGHIJKLM' }, field: 'code' },
      { query: { code: 'ABC-12' }, field: 'code' },
    ],
    badPathValues: {
      field: 'filingNumber',
      values: ['abc', '2026-42', '2026-0000001', '26-000001', '2026_000001', '%20', '2026-000001%0A'],
      url: (value, c) => `/public/cases/${value}?code=${c.code}`,
    },
    notFound: (c) => `/public/cases/1999-999999?code=${c.code}`,
  },
  {
    path: '/calendar/holidays',
    roles: STAFF,
    actor: 'reporter',
    url: () => '/calendar/holidays',
    query: () => ({ year: '2026' }),
    badQueries: [
      { query: {}, remove: ['year'], field: 'year' },
      { query: { year: '1983' }, field: 'year' },
      { query: { year: '10000' }, field: 'year' },
      { query: { year: 'abc' }, field: 'year' },
      { query: { year: '2026.5' }, field: 'year' },
      { query: { year: '' }, field: 'year' },
    ],
  },
  {
    path: '/calendar/deadline',
    roles: STAFF,
    actor: 'agent',
    url: () => '/calendar/deadline',
    query: () => ({ from: '2026-03-02T10:00:00-05:00', businessDays: '15' }),
    badQueries: [
      { query: {}, remove: ['from'], field: 'from' },
      { query: {}, remove: ['businessDays'], field: 'businessDays' },
      { query: { from: 'yesterday' }, field: 'from' },
      { query: { from: '2026-03-02' }, field: 'from' },
      { query: { from: '2026-03-02T10:00:00' }, field: 'from' },
      { query: { from: '9999-12-31T10:00:00-05:00', businessDays: '365' }, field: 'from' },
      { query: { businessDays: '0' }, field: 'businessDays' },
      { query: { businessDays: '366' }, field: 'businessDays' },
      { query: { businessDays: '-1' }, field: 'businessDays' },
      { query: { businessDays: '1.5' }, field: 'businessDays' },
      { query: { businessDays: 'abc' }, field: 'businessDays' },
    ],
  },
  {
    path: '/audit/access',
    roles: ['auditor', 'admin'],
    actor: 'auditor',
    url: () => '/audit/access',
    query: (c) => ({ caseId: c.caseId }),
    list: true,
    badQueries: [
      { query: {}, remove: ['caseId'], field: 'caseId' },
      { query: { caseId: '' }, field: 'caseId' },
      { query: { caseId: 'not-a-uuid' }, field: 'caseId' },
      { query: { caseId: `${randomUUID()}x` }, field: 'caseId' },
    ],
  },
  {
    path: '/health',
    roles: 'public',
    url: () => '/health',
    query: () => ({}),
  },
  { path: '/health/live', roles: 'public', url: () => '/health/live', query: () => ({}) },
  { path: '/health/ready', roles: 'public', url: () => '/health/ready', query: () => ({}) },
  // Or a scraper's METRICS_TOKEN (test/metrics.e2e-spec.ts).
  { path: '/metrics', roles: ['admin'], actor: 'admin', url: () => '/metrics', query: () => ({}) },
];

/** The concrete URL with the query (parameters whose value is undefined are left out). */
export function withQuery(url: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  if (!search) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}
