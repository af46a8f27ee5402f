import { bearer } from './support/actors';
import { createAssignablePeople } from './support/assignable-people';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';

/**
 * `GET /cases` (issue 28, part 1; ADR 42): filters over the case view's indexed search keys, a
 * petitioner found by keyed hashes of their document or email, their open cases first, cursors, and
 * every search that shows personal data in the access audit.
 */
describe('HTTP: GET /cases finds cases', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let t: TestApp;
  const agent = bearer('agent');
  const rosalba = { ...validFiling().petitioner, fullName: 'Rosalba Quintero', documentType: 'CC', documentNumber: '5550001112', email: 'rosalba.quintero@example.com' };
  const cases: Record<'billing' | 'inquiry' | 'other', { caseId: string; filingNumber: string }> = {} as never;

  const file = async (body: object) => (await t.http().post('/cases').set('Authorization', agent).send(body).expect(201)).body as { caseId: string; filingNumber: string };
  const search = async (query: Record<string, string | number | boolean>, token = agent) => {
    const response = await t.http().get('/cases').query({ minPosition: await t.headPosition(), ...query }).set('Authorization', token);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    return response.body as { items: { caseId: string; status: string; petitioner: { fullName: string } }[]; nextCursor: string | null };
  };
  const ids = (page: { items: { caseId: string }[] }) => page.items.map((item) => item.caseId);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await createAssignablePeople(t);
    cases.billing = await file({ ...validFiling(), petitioner: rosalba });
    clock.set('2026-03-03T15:00:00Z');
    cases.inquiry = await file({ ...validFiling(), kind: 'inquiry', typology: 'general-information', motive: 'tariff', channel: 'email', petitioner: rosalba });
    clock.set('2026-03-04T15:00:00Z');
    cases.other = await file(validFiling());
    await t.http().post(`/cases/${cases.other.caseId}/assignment`).set('Authorization', bearer('supervisor')).send({ backofficeId: 'bo-beto' }).expect(200);
    // The newer of Rosalba's cases leaves the company (art. 21): no longer open.
    await t
      .http()
      .post(`/cases/${cases.inquiry.caseId}/transfer`)
      .set('Authorization', bearer('supervisor'))
      .send({ entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia de la SIC' })
      .expect(200);
  });
  afterAll(() => t?.close());

  it("finds a petitioner's cases by document (written another way) or by email (any case), the open one first though older", async () => {
    const byDocument = await search({ petitionerDocumentType: 'CC', petitionerDocument: '555-000 1112' });
    expect(byDocument.items.map((item) => [item.caseId, item.status])).toEqual([
      [cases.billing.caseId, 'filed'],
      [cases.inquiry.caseId, 'transferred'],
    ]);
    expect(byDocument.items[0].petitioner.fullName).toBe('Rosalba Quintero');
    expect(ids(await search({ petitionerEmail: ' Rosalba.Quintero@Example.com'.trim() }))).toEqual([cases.billing.caseId, cases.inquiry.caseId]);
    expect(ids(await search({ petitionerDocumentType: 'CE', petitionerDocument: '5550001112' }))).toEqual([]);
  });

  it('filters by status, kind, typology, channel and assignee, newest filed first', async () => {
    expect(ids(await search({ typology: 'billing' }))).toEqual([cases.other.caseId, cases.billing.caseId]);
    expect(ids(await search({ typology: 'billing', sort: 'filedAt' }))).toEqual([cases.billing.caseId, cases.other.caseId]);
    expect(ids(await search({ status: 'transferred' }))).toEqual([cases.inquiry.caseId]);
    expect(ids(await search({ kind: 'inquiry', channel: 'email' }))).toEqual([cases.inquiry.caseId]);
    expect(ids(await search({ assigneeId: 'bo-beto' }))).toEqual([cases.other.caseId]);
    expect(ids(await search({ filingNumber: cases.billing.filingNumber }))).toEqual([cases.billing.caseId]);
  });

  it('filters by filing and due dates, and by overdue at the instant of the search', async () => {
    expect(ids(await search({ filedFrom: '2026-03-03T00:00:00-05:00', filedTo: '2026-03-04T00:00:00-05:00' }))).toEqual([cases.inquiry.caseId]);
    // Claims are due 15 business days after filing (24 and 26 March); the inquiry 30.
    expect(ids(await search({ dueTo: '2026-03-25T00:00:00-05:00' }))).toEqual([cases.billing.caseId]);
    expect(ids(await search({ dueFrom: '2026-03-25T00:00:00-05:00', sort: 'dueAt' }))).toEqual([cases.other.caseId, cases.inquiry.caseId]);
    expect(ids(await search({ overdue: true }))).toEqual([]);
    clock.set('2026-03-25T15:00:00Z');
    expect(ids(await search({ overdue: true }))).toEqual([cases.billing.caseId]);
    expect(ids(await search({ overdue: false }))).toEqual([cases.other.caseId]);
    clock.set('2026-03-04T16:00:00Z');
  });

  it('pages with cursors; a cursor of other filters is 400', async () => {
    const first = await search({ limit: 2 });
    expect(ids(first)).toEqual([cases.other.caseId, cases.inquiry.caseId]);
    const second = await search({ limit: 2, cursor: first.nextCursor! });
    expect(ids(second)).toEqual([cases.billing.caseId]);
    expect(second.nextCursor).toBeNull();

    const foreign = await t.http().get('/cases').query({ typology: 'billing', cursor: first.nextCursor! }).set('Authorization', agent);
    expect({ status: foreign.status, field: foreign.body.details?.[0]?.field }).toEqual({ status: 400, field: 'cursor' });
  });

  it.each([
    [{ petitionerDocument: '5550001112' }, 'petitionerDocumentType'],
    [{ petitionerDocumentType: 'CC' }, 'petitionerDocument'],
    [{ petitionerEmail: 'not-an-email' }, 'petitionerEmail'],
    [{ status: 'lost' }, 'status'],
    [{ filedFrom: '2026-02-30T00:00:00-05:00' }, 'filedFrom'],
    [{ overdue: 'yes' }, 'overdue'],
    [{ sort: 'subject' }, 'sort'],
  ])('refuses %j with 400 naming %s', async (query, field) => {
    const response = await t.http().get('/cases').query(query).set('Authorization', agent);
    expect({ status: response.status, fields: (response.body.details as { field: string }[]).map((detail) => detail.field) }).toEqual({ status: 400, fields: [field] });
  });

  it('records each case a search shows in the access audit; a reporter reads it withheld and nothing is recorded', async () => {
    const accessLog = async (caseId: string) =>
      (await t.http().get('/audit/access').query({ caseId }).set('Authorization', bearer('auditor')).expect(200)).body.items as { route: string; requestId: string }[];
    await t.http().get('/cases').query({ petitionerDocumentType: 'CC', petitionerDocument: '5550001112' }).set('Authorization', agent).set('X-Request-Id', 'req-search-rosalba').expect(200);
    for (const { caseId } of [cases.billing, cases.inquiry]) {
      expect(await accessLog(caseId)).toContainEqual(expect.objectContaining({ route: 'GET /cases', requestId: 'req-search-rosalba' }));
    }
    expect((await accessLog(cases.other.caseId)).map((entry) => entry.requestId)).not.toContain('req-search-rosalba');

    const before = (await accessLog(cases.billing.caseId)).length;
    const asReporter = await search({ petitionerEmail: 'rosalba.quintero@example.com' }, bearer('reporter'));
    expect(asReporter.items[0].petitioner.fullName).toBe('[withheld]');
    expect(await accessLog(cases.billing.caseId)).toHaveLength(before);
  });
});
