import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRevisionNeutral } from '@app/domain';
import { MailOutbox, SlaProcess } from '@app/processes';
import { bearer } from './support/actors';
import { expectApiError } from './support/expectations';
import { ManualClock, startTestApp, TestApp } from './support/test-app';

/**
 * README's "Try it", as written there (the commands are read from README.md): the filing, then the
 * assignment with the filing's ETag — after the outbox has delivered the acknowledgement and the SLA
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
  const file = (tryIt: TryIt) => t.http().post('/cases').set('Authorization', t.token(tryIt.agent.sub, ...tryIt.agent.roles)).set('Content-Type', 'application/json').send(tryIt.filing);
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

    const assigned = await assign(tryIt, filed.body.caseId);
    expect({ status: assigned.status, body: assigned.body }).toMatchObject({ status: 200, body: { events: ['CaseAssigned'], revision: types.length } });
  });

  it('still 409 with the current revision when a person changed the case in between (another supervisor assigned it)', async () => {
    const tryIt = readTryIt();
    clock.set('2026-03-02T15:00:00Z');
    const filed = await file(tryIt).expect(201);
    await deliverMail();
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

interface TryIt {
  agent: { sub: string; roles: string[] };
  supervisor: { sub: string; roles: string[] };
  filing: object;
  filingAnswer: Record<string, unknown>;
  assignPath: string;
  ifMatch: string;
  assignment: object;
}

/** The "Try it" block of README.md: the tokens, the filing's body and answer, and the assignment with its If-Match. */
function readTryIt(): TryIt {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it'));
  const block = section.slice(section.indexOf('```bash') + '```bash'.length, section.indexOf('```', section.indexOf('```bash') + 1));
  const token = (name: string) => {
    const match = new RegExp(`${name}=\\$\\(npm run -s token -- --sub (\\S+) --roles (\\S+)\\)`).exec(block);
    if (!match) throw new Error(`README "Try it": no token for ${name}`);
    return { sub: match[1], roles: match[2].split(',') };
  };
  const bodies = [...block.matchAll(/-d '([^']*)'/g)].map((match) => JSON.parse(match[1]) as object);
  const answer = /# => 201 (\{.*\})/.exec(block)![1];
  const assignPath = /curl -s localhost:3000(\/cases\/<caseId>\/\S+)/.exec(block)![1];
  const ifMatch = /-H 'If-Match: ([^']+)'/.exec(block)![1];
  expect(bodies).toHaveLength(2);
  // The answer shown in README, without the parts it elides ("…").
  const shown = JSON.parse(answer) as Record<string, unknown>;
  const filingAnswer = Object.fromEntries(
    Object.entries(shown).map(([key, value]) => [key, typeof value === 'string' && value.includes('…') ? expect.stringMatching(new RegExp(`^${value.split('…').map(escape).join('.*')}$`)) : value]),
  );
  return { agent: token('AGENT'), supervisor: token('SUP'), filing: bodies[0], filingAnswer, assignPath, ifMatch, assignment: bodies[1] };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
