import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { components, paths } from '@app/api-contract';
import { OpenApiDocument, requiredOnly } from './support/openapi';
import { generatedTypes, GENERATED_TYPES_PATH } from './support/openapi-types';
import { readTryIt } from './support/readme-try-it';
import { startTestApp, TestApp } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

type Schemas = components['schemas'];

/**
 * A client generated from /docs-json (openapi-typescript types, openapi-fetch calls), as a client
 * team would build one, drives README's "Try it" and the rest of a case's life sending only what
 * the schemas require: the bodies type-check against the generated types (`npm run typecheck`), hold
 * exactly the required fields (checked against the document) and the API accepts them.
 */
describe('a client generated from the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    // The outbox delivers (as .eml files under DATA_DIR) every 50 ms: README waits for the acknowledgement.
    t = await startTestApp({ config: { MAIL_OUTBOX: 'on', MAIL_TICK_MS: '50' } });
    doc = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t?.close());

  it('is generated from the document the API serves now (the committed types are not stale)', async () => {
    const fresh = generatedTypes(doc);
    const path = join(__dirname, '..', GENERATED_TYPES_PATH);
    if (process.env.UPDATE_GENERATED === '1') writeFileSync(path, fresh);
    const regenerate = 'UPDATE_GENERATED=1 npx jest test/openapi-client.e2e-spec.ts';
    expect({ upToDate: readFileSync(path, 'utf8') === fresh, regenerate }).toEqual({ upToDate: true, regenerate });
  });

  it('files, waits for the acknowledgement, assigns with If-Match, and takes the case to its closing with required fields only', async () => {
    const tryIt = readTryIt();
    const client = createClient<paths>({ baseUrl: t.url });
    const as = (sub: string, ...roles: string[]) => ({ Authorization: t.token(sub, ...roles) });
    const agent = as(tryIt.agent.sub, ...tryIt.agent.roles);
    const supervisor = as(tryIt.supervisor.sub, ...tryIt.supervisor.roles);

    const filing = requiredOnly<Schemas['FileCaseDto']>(doc, 'FileCaseDto', tryIt.filing);
    const filed = await client.POST('/cases', { body: filing, headers: agent });
    expect({ status: filed.response.status, body: filed.data }).toMatchObject({ status: 201, body: tryIt.filingAnswer });
    expect(filed.response.headers.get('etag')).toBe(tryIt.ifMatch);
    const id = filed.data!.caseId;

    await eventually(async () => {
      const history = await client.GET('/cases/{id}/history', { params: { path: { id } }, headers: as('aud-aurora', 'auditor') });
      expect(history.data?.events.map((event) => event.type)).toEqual(['CaseFiled', 'CaseTypified', 'EmailDelivered']);
    });

    // README's admin creates the backoffice user the assignment names.
    const person = await client.POST('/users', { body: requiredOnly<Schemas['CreateUserDto']>(doc, 'CreateUserDto', tryIt.person), headers: as(tryIt.admin.sub, ...tryIt.admin.roles) });
    expect(person.response.status).toBe(201);
    const assignment = requiredOnly<Schemas['AssignCaseDto']>(doc, 'AssignCaseDto', tryIt.assignment);
    const assigned = await client.POST('/cases/{id}/assignment', { params: { path: { id }, header: { 'If-Match': tryIt.ifMatch } }, body: assignment, headers: supervisor });
    expect({ status: assigned.response.status, body: assigned.data }).toMatchObject({ status: 200, body: { events: ['CaseAssigned'], revision: 3 } });

    // The same If-Match once a person changed the case: the 409 and code the operation documents.
    const stale = await client.POST('/cases/{id}/assignment', { params: { path: { id }, header: { 'If-Match': tryIt.ifMatch } }, body: { backofficeId: 'bo-bruno' }, headers: supervisor });
    expect({ status: stale.response.status, code: stale.error?.code }).toEqual({ status: 409, code: 'CONCURRENCY.CONFLICT' });
    expect(documentedCodes(doc, '/cases/{id}/assignment', 409)).toContain(stale.error?.code);

    const backoffice = as(assignment.backofficeId, 'backoffice');
    const steps = [
      ['/cases/{id}/typification-review', backoffice, requiredOnly<Schemas['TypificationReviewDto']>(doc, 'TypificationReviewDto', { consistent: true })],
      ['/cases/{id}/responses', backoffice, requiredOnly<Schemas['ResponseDto']>(doc, 'ResponseDto', { body: 'Reversamos el cobro duplicado.', outcome: 'resolved', decision: 'favourable' })],
      ['/cases/{id}/closure', supervisor, requiredOnly<Schemas['ClosureDto']>(doc, 'ClosureDto', { reason: 'Resuelto a favor del cliente' })],
    ] as const;
    let revision = assigned.data!.revision;
    let position = assigned.data!.position;
    for (const [path, headers, body] of steps) {
      const done = await client.POST(path, { params: { path: { id }, header: { 'If-Match': `"${revision}"` } }, body: body as never, headers });
      expect({ path, status: done.response.status, error: done.error }).toEqual({ path, status: 200, error: undefined });
      revision = done.data!.revision;
      position = done.data!.position;
    }

    const closed = await client.GET('/cases/{id}', { params: { path: { id }, query: { minPosition: position } }, headers: supervisor });
    expect({ status: closed.response.status, caseStatus: closed.data?.status }).toEqual({ status: 200, caseStatus: 'closed' });
    // The outbox may record the closing's emails meanwhile (revision-neutral facts, ADR 21): the ETag is at least the closing's revision.
    expect(Number(JSON.parse(closed.response.headers.get('etag') ?? '""'))).toBeGreaterThanOrEqual(revision);
  });

  it('is refused the way the document says when it leaves out what a rule requires (a return without its reason)', async () => {
    const client = createClient<paths>({ baseUrl: t.url });
    const filed = await client.POST('/cases', { body: requiredOnly<Schemas['FileCaseDto']>(doc, 'FileCaseDto', readTryIt().filing), headers: { Authorization: t.token('agent-ana', 'agent') } });
    const id = filed.data!.caseId;
    await createAssignablePeople(t, ['bo-bruno']);
    await client.POST('/cases/{id}/assignment', { params: { path: { id } }, body: { backofficeId: 'bo-bruno' }, headers: { Authorization: t.token('sup-sofia', 'supervisor') } });
    // The generated type refuses `{ consistent: false }` without a reason; a client that forces it gets a documented answer.
    const returned = await client.POST('/cases/{id}/typification-review', {
      params: { path: { id } },
      body: { consistent: false } as unknown as Schemas['TypificationReviewDto'],
      headers: { Authorization: t.token('bo-bruno', 'backoffice') },
    });
    expect(returned.response.status).toBe(400);
    expect(documentedCodes(doc, '/cases/{id}/typification-review', 400)).toContain(returned.error?.code);
  });
});

/** The codes an operation documents for a status (its response's examples). */
function documentedCodes(doc: OpenApiDocument, path: string, status: number): string[] {
  return Object.keys(doc.paths[path]?.post?.responses?.[status]?.content?.['application/json']?.examples ?? {});
}

async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
