import { Projector } from '@app/projector';
import { bearer } from './support/actors';
import { createAssignablePeople } from './support/assignable-people';
import { startTestApp, TestApp, validFiling } from './support/test-app';
import { validWebFiling } from './support/valid-filing';

/**
 * One issue, one case (issue 28, part 6; ADR 42): a petitioner's open case of a typology refuses a
 * second one of it, 409 CASE.OPEN_CASE_EXISTS naming it, unless the agent records a distinct matter.
 * The match is the petitioner's keyed pseudonym (their document, however written) and the typology.
 */
describe('HTTP: one issue, one case', () => {
  let t: TestApp;
  const agent = bearer('agent');

  beforeAll(async () => {
    t = await startTestApp();
    await createAssignablePeople(t);
  });
  afterAll(() => t?.close());

  const file = (body: object, key?: string) => {
    const request = t.http().post('/cases').set('Authorization', agent);
    return (key ? request.set('Idempotency-Key', key) : request).send(body);
  };
  const history = async (caseId: string) =>
    (await t.http().get(`/cases/${caseId}/history`).set('Authorization', bearer('auditor')).expect(200)).body.events as { type: string; data: Record<string, unknown> }[];

  it('refuses a second open billing claim of one petitioner (the document written another way) with 409 naming the open case, and appends nothing', async () => {
    const filing = validFiling();
    const first = (await file(filing).expect(201)).body;
    const head = await t.headPosition();
    const rewritten = { ...filing.petitioner, documentNumber: `${filing.petitioner.documentNumber.slice(0, 4)}-${filing.petitioner.documentNumber.slice(4)}`, email: 'otra@example.com' };

    const second = await file({ ...filing, petitioner: rewritten, subject: 'Otra vez el cobro' });

    expect({ status: second.status, code: second.body.code, details: second.body.details }).toEqual({
      status: 409,
      code: 'CASE.OPEN_CASE_EXISTS',
      details: { filingNumber: first.filingNumber, caseId: first.caseId },
    });
    expect(await t.headPosition()).toBe(head);
  });

  it('files the same petitioner under another typology, and under the same one as a distinct matter, recorded in CaseTypified', async () => {
    const filing = validFiling();
    await file(filing).expect(201);

    await file({ ...filing, typology: 'general-information', kind: 'inquiry', motive: 'tariff' }).expect(201);
    const distinct = (await file({ ...filing, distinctMatter: true }).expect(201)).body;

    const typified = (await history(distinct.caseId)).find((event) => event.type === 'CaseTypified');
    expect(typified?.data).toMatchObject({ typology: 'billing', distinctMatter: true });
  });

  it('answers a retried filing (same Idempotency-Key) with its own case, never as its own rival', async () => {
    const filing = validFiling();
    const first = await file(filing, 'retry-one-issue').expect(201);
    const retry = await file(filing, 'retry-one-issue').expect(201);
    expect(retry.body).toEqual(first.body);
  });

  it('lets only one of two simultaneous filings of one matter through', async () => {
    const filing = validFiling();
    const both = await Promise.all([file(filing), file(filing)]);
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
  });

  it('refuses the second filing while the projector is stopped (the case view knows neither), and files other matters meanwhile', async () => {
    const projector = t.app.get(Projector);
    await projector.stop();
    try {
      const filing = validFiling();
      const first = (await file(filing).expect(201)).body;
      const second = await file(filing);
      expect({ status: second.status, code: second.body.code, details: second.body.details }).toEqual({
        status: 409,
        code: 'CASE.OPEN_CASE_EXISTS',
        details: { filingNumber: first.filingNumber, caseId: first.caseId },
      });
      await file(validFiling()).expect(201);
    } finally {
      await projector.start();
    }
  });

  it('files again once the open case is no longer open (transferred, art. 21)', async () => {
    const filing = validFiling();
    const first = (await file(filing).expect(201)).body;
    const transferred = await t
      .http()
      .post(`/cases/${first.caseId}/transfer`)
      .set('Authorization', bearer('supervisor'))
      .send({ entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia de la SIC' })
      .expect(200);
    // The check reads the case view: until it has the transfer, the case still counts as open (ADR 42).
    await t.http().get(`/cases/${first.caseId}`).query({ minPosition: transferred.body.position }).set('Authorization', agent).expect(200);
    await file(filing).expect(201);
  });

  it('refuses to typify a web filing as the typology of the petitioner\'s open case, unless a distinct matter', async () => {
    const filing = validFiling();
    const open = (await file(filing).expect(201)).body;
    const { fullName, documentType, documentNumber, email } = filing.petitioner;
    await t.http().post('/public/cases').send({ ...validWebFiling(), fullName, documentType, documentNumber, email }).expect(201);
    const queue = await t.http().get('/queues/to-typify').query({ minPosition: await t.headPosition() }).set('Authorization', agent).expect(200);
    const web = (queue.body.items as { caseId: string; filedAt: string }[]).at(-1)!;
    const typification = { kind: 'claim', typology: 'billing', motive: 'duplicate-charge' };

    const refused = await t.http().post(`/cases/${web.caseId}/typification`).set('Authorization', agent).send(typification);
    expect({ status: refused.status, code: refused.body.code, details: refused.body.details }).toEqual({
      status: 409,
      code: 'CASE.OPEN_CASE_EXISTS',
      details: { filingNumber: open.filingNumber, caseId: open.caseId },
    });
    await t.http().post(`/cases/${web.caseId}/typification`).set('Authorization', agent).send({ ...typification, distinctMatter: true }).expect(200);
  });

  it('answers 400 naming the field for a distinctMatter that is not a boolean', async () => {
    const response = await file({ ...validFiling(), distinctMatter: 'yes' }).expect(400);
    expect(JSON.stringify(response.body)).toContain('distinctMatter');
  });
});
