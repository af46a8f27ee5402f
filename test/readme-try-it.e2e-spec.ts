import { isRevisionNeutral } from '@app/domain';
import { MailOutbox, SlaProcess } from '@app/processes';
import { bearer } from './support/actors';
import { expectApiError } from './support/expectations';
import { readTryIt, TryIt } from './support/readme-try-it';
import { ManualClock, startTestApp, TestApp } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

/**
 * README's "Try it", as written there (the commands are read from README.md): the filing, the backoffice
 * user the admin creates, then the assignment with the filing's ETag — after the outbox has delivered the acknowledgement and the SLA
 * process has marked the case overdue, facts that change nothing a person could act on (DOMAIN.md,
 * The case's revision; ADR 21). And If-Match still refuses once a person changed the case.
 */
describe('README "Try it", end to end', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z')); // Monday 10:00 in Bogotá, after the consent in README
  let t: TestApp;

  beforeAll(async () => {
    // The outbox writes .eml files under DATA_DIR (no SMTP_URL), as `npm start` does; both loops tick only when the test asks.
    t = await startTestApp({ clock, config: { MAIL_OUTBOX: 'on', MAIL_TICK_MS: '3600000', SLA_PROCESS_MANAGER: 'on', SLA_TICK_MS: '3600000' } });
  });
  afterAll(() => t?.close());

  const deliverMail = () => t.app.get(MailOutbox).manager.runOnce();
  const history = async (caseId: string) =>
    (await t.http().get(`/cases/${caseId}/history`).set('Authorization', bearer('auditor')).expect(200)).body.events as { type: string; revision: number }[];
  let filings = 0;
  /**
   * README's filing as it is; each test here files it again in the same app, and a second open billing
   * claim of one petitioner would be 409 CASE.OPEN_CASE_EXISTS (ADR 42): from the second on, the
   * petitioner's document (and so the case's matter) is another one.
   */
  const file = (tryIt: TryIt) => {
    const body = tryIt.filing as { petitioner: { documentNumber: string } };
    if (filings++ > 0) body.petitioner = { ...body.petitioner, documentNumber: `${body.petitioner.documentNumber}${filings}` };
    return t.http().post('/cases').set('Authorization', t.token(tryIt.agent.sub, ...tryIt.agent.roles)).set('Content-Type', 'application/json').send(body);
  };
  let personCreated: Promise<unknown> | undefined;
  /** README's admin creates the backoffice user its assignment names (after the filing, as README does it): once per app. */
  const createPerson = (tryIt: TryIt) =>
    (personCreated ??= t.http().post('/users').set('Authorization', t.token(tryIt.admin.sub, ...tryIt.admin.roles)).set('Content-Type', 'application/json').send(tryIt.person).expect(201));
  const assign = (tryIt: TryIt, caseId: string, ifMatch = tryIt.ifMatch) =>
    t.http().post(tryIt.assignPath.replace('<caseId>', caseId)).set('Authorization', t.token(tryIt.supervisor.sub, ...tryIt.supervisor.roles))
      .set('If-Match', ifMatch).set('Content-Type', 'application/json').send(tryIt.assignment);

  it('files, waits for the acknowledgement to be delivered, and assigns with the filing\'s ETag: 200', async () => {
    const tryIt = readTryIt();
    const filed = await file(tryIt);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject(tryIt.filingAnswer);
    expect(filed.headers.etag).toBe(tryIt.ifMatch);

    expect((await deliverMail()).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    expect((await history(filed.body.caseId)).map((event) => event.type)).toEqual(['CaseFiled', 'CaseTypified', 'EmailDelivered']);

    await createPerson(tryIt);
    const assigned = await assign(tryIt, filed.body.caseId);
    expect({ status: assigned.status, body: assigned.body }).toMatchObject({ status: 200, body: { events: ['CaseAssigned'], revision: 3 } });
    expect(assigned.headers.etag).toBe('"3"');
  });

  it('a passed target (an overdue mark) does not make the held ETag stale either', async () => {
    const tryIt = readTryIt();
    clock.set('2026-03-02T15:00:00Z');
    const filed = await file(tryIt).expect(201);
    await deliverMail();
    clock.set('2026-04-15T15:00:00Z'); // past every target and the legal due date
    await t.app.get(SlaProcess).manager.runOnce();
    const types = (await history(filed.body.caseId)).map((event) => event.type);
    expect(types.slice(2)).toEqual(expect.arrayContaining(['EmailDelivered', 'ResolutionOverdue']));
    expect(types.slice(2).filter((type) => !isRevisionNeutral(type))).toEqual([]);

    await createPerson(tryIt);
    const assigned = await assign(tryIt, filed.body.caseId);
    expect({ status: assigned.status, body: assigned.body }).toMatchObject({ status: 200, body: { events: ['CaseAssigned'], revision: types.length } });
  });

  it('still 409 with the current revision when a person changed the case in between (another supervisor assigned it)', async () => {
    const tryIt = readTryIt();
    clock.set('2026-03-02T15:00:00Z');
    const filed = await file(tryIt).expect(201);
    await deliverMail();
    await createPerson(tryIt);
    await createAssignablePeople(t, ['bo-bruno']);
    const other = await t.http().post(`/cases/${filed.body.caseId}/assignment`).set('Authorization', bearer('supervisor')).send({ backofficeId: 'bo-bruno' });
    expect(other.status).toBe(200);
    await deliverMail();

    const stale = await assign(tryIt, filed.body.caseId);
    expectApiError('If-Match before another person\'s assignment', stale, 409, 'CONCURRENCY.CONFLICT');
    const revisions = (await history(filed.body.caseId)).map((event) => event.revision);
    expect(stale.body.details).toEqual({ currentRevision: revisions[revisions.length - 1] });
    // Held from after that assignment, the same command goes through.
    expect((await assign(tryIt, filed.body.caseId, `"${other.body.revision}"`)).status).toBe(200);
  });
});
