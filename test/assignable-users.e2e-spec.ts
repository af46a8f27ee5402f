import { bearer } from './support/actors';
import { assignablePerson } from './support/assignable-people';
import { CaseDriver } from './support/case-driver';
import { expectApiError, expectValidationError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 27, ADR 40: cases go only to active directory users with the backoffice role, a supervisor
 * distributes within a team, and a deactivated user's open cases wait in a queue for redistribution.
 */
describe('HTTP: assignable users, distribution within a team, redistribution', () => {
  let t: TestApp;
  let cases: CaseDriver;

  beforeEach(async () => {
    t = await startTestApp();
    cases = new CaseDriver(t);
  });
  afterEach(() => t.close());

  const admin = (path: string, body: object) => t.http().post(path).set('Authorization', bearer('admin')).send(body);
  const createUser = async (userId: string, roles: string[] = ['backoffice'], teamIds: string[] = []) => {
    const response = await admin('/users', { ...assignablePerson(userId, teamIds), roles }).expect(201);
    return response.body.position as number;
  };
  const deactivate = async (userId: string) => (await admin(`/users/${userId}/deactivation`, {}).expect(200)).body.position as number;
  const reactivate = async (userId: string) => (await admin(`/users/${userId}/reactivation`, {}).expect(200)).body.position as number;
  const assign = (caseId: string, backofficeId: string) => t.http().post(`/cases/${caseId}/assignment`).set('Authorization', bearer('supervisor')).send({ backofficeId });
  const distribute = async (body: object) => t.http().post('/cases/distribution').query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).send(body);
  const queue = async (path: string) => {
    const response = await t.http().get(path).query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
    return response.body.items as Array<{ caseId: string; assigneeId: string | null }>;
  };
  const dealt = (response: { body: { assigned: Array<{ caseId: string; backofficeId: string }> } }) => response.body.assigned.map((item) => item.backofficeId);
  const fileCases = async (count: number) => {
    const filed = [];
    for (let i = 0; i < count; i++) filed.push(await cases.file());
    return filed;
  };

  it('refuses an assignment to nobody the directory knows, to a user without the backoffice role, and to a deactivated agent: 422 USER.NOT_ASSIGNABLE, nothing appended', async () => {
    await createUser('sup-sara', ['supervisor']);
    await createUser('bo-olga');
    await deactivate('bo-olga');
    const { caseId } = await cases.file();
    const head = await t.headPosition();

    for (const userId of ['nadie-existe-xyz', 'sup-sara', 'bo-olga']) {
      const refused = await assign(caseId, userId);
      expectApiError(`assign to ${userId}`, refused, 422, 'USER.NOT_ASSIGNABLE');
      expect(refused.body.details).toEqual({ userIds: [userId] });
    }
    expect(await t.headPosition()).toBe(head);

    await reactivate('bo-olga');
    expect((await assign(caseId, 'bo-olga')).status).toBe(200);
  });

  it('refuses a distribution naming anyone not assignable, naming them all, and assigns nothing', async () => {
    await createUser('bo-ana');
    await createUser('bo-olga');
    await deactivate('bo-olga');
    await fileCases(2);
    const head = await t.headPosition();

    const refused = await distribute({ rule: 'round-robin', backofficeIds: ['bo-ana', 'bo-olga', 'nadie-existe-xyz'] });
    expectApiError('distribution with unassignable agents', refused, 422, 'USER.NOT_ASSIGNABLE');
    expect(refused.body.details).toEqual({ userIds: ['bo-olga', 'nadie-existe-xyz'] });
    expect(await t.headPosition()).toBe(head);
    expect(await queue('/queues/unassigned')).toHaveLength(2);
  });

  it('takes exactly one of backofficeIds and teamId: 400 naming the field otherwise', async () => {
    expectValidationError('both', await distribute({ rule: 'round-robin', backofficeIds: ['bo-ana'], teamId: 'zona-norte' }), 'teamId');
    expectValidationError('neither', await distribute({ rule: 'round-robin' }), 'backofficeIds');
    expectValidationError('unknown source', await distribute({ rule: 'round-robin', teamId: 'zona-norte', from: 'everywhere' }), 'from');
  });

  it("distributes round-robin within a team among its active backoffice members in user-id order, then least-loaded; a team's supervisor and deactivated agent get nothing", async () => {
    await admin('/teams', { teamId: 'zona-norte', name: 'Zona norte' }).expect(201);
    await admin('/teams', { teamId: 'zona-sur', name: 'Zona sur' }).expect(201);
    await createUser('bo-zoe', ['backoffice'], ['zona-norte']);
    await createUser('bo-ana', ['backoffice'], ['zona-norte']);
    await createUser('bo-olga', ['backoffice'], ['zona-norte']);
    await createUser('sup-sara', ['supervisor'], ['zona-norte']);
    await createUser('bo-sur', ['backoffice'], ['zona-sur']);
    await deactivate('bo-olga');
    await fileCases(3);

    const roundRobin = await distribute({ rule: 'round-robin', teamId: 'zona-norte' });
    expect(roundRobin.status).toBe(200);
    expect(dealt(roundRobin)).toEqual(['bo-ana', 'bo-zoe', 'bo-ana']);

    await fileCases(3);
    const leastLoaded = await distribute({ rule: 'least-loaded', teamId: 'zona-norte' });
    expect(dealt(leastLoaded)).toEqual(['bo-zoe', 'bo-ana', 'bo-zoe']);
    expect(await queue('/queues/backoffice/bo-sur')).toEqual([]);
  });

  it('answers an unknown team 422 TEAM.NOT_FOUND, and a team without an active backoffice member 422 TEAM.NO_ASSIGNABLE_MEMBER', async () => {
    await admin('/teams', { teamId: 'calidad', name: 'Calidad' }).expect(201);
    await createUser('qa-quin', ['quality'], ['calidad']);
    await createUser('bo-olga', ['backoffice'], ['calidad']);
    await deactivate('bo-olga');
    await fileCases(1);

    expectApiError('unknown team', await distribute({ rule: 'round-robin', teamId: 'nadie' }), 422, 'TEAM.NOT_FOUND');
    const empty = await distribute({ rule: 'least-loaded', teamId: 'calidad' });
    expectApiError('no assignable member', empty, 422, 'TEAM.NO_ASSIGNABLE_MEMBER');
    expect(empty.body.details).toEqual({ teamId: 'calidad' });
  });

  it("lists a deactivated agent's open cases for redistribution (a reactivation takes them out), and distribution from that queue hands them on", async () => {
    await admin('/teams', { teamId: 'zona-norte', name: 'Zona norte' }).expect(201);
    await createUser('bo-ana', ['backoffice'], ['zona-norte']);
    await createUser('bo-zoe', ['backoffice'], ['zona-norte']);
    await createUser('bo-leo');
    const [first, second, other] = await fileCases(3);
    for (const { caseId } of [first, second]) expect((await assign(caseId, 'bo-leo')).status).toBe(200);
    expect((await assign(other.caseId, 'bo-ana')).status).toBe(200);
    expect(await queue('/queues/to-redistribute')).toEqual([]);

    await deactivate('bo-leo');
    const listed = await queue('/queues/to-redistribute');
    expect(listed.map((item) => [item.caseId, item.assigneeId]).sort()).toEqual([[first.caseId, 'bo-leo'], [second.caseId, 'bo-leo']].sort());

    await reactivate('bo-leo');
    expect(await queue('/queues/to-redistribute')).toEqual([]);
    await deactivate('bo-leo');

    // The unassigned queue is empty: distributing from it assigns nothing; from to-redistribute, both cases go to the team.
    expect(dealt(await distribute({ rule: 'round-robin', teamId: 'zona-norte' }))).toEqual([]);
    const redistributed = await distribute({ rule: 'round-robin', teamId: 'zona-norte', from: 'to-redistribute' });
    expect(redistributed.status).toBe(200);
    expect(redistributed.body.assigned.map((item: { caseId: string }) => item.caseId).sort()).toEqual([first.caseId, second.caseId].sort());
    expect(dealt(redistributed).sort()).toEqual(['bo-ana', 'bo-zoe']);
    expect(await queue('/queues/to-redistribute')).toEqual([]);
    const history = await cases.history(first.caseId);
    expect(history.at(-1)).toMatchObject({ type: 'CaseAssigned', data: { previousBackofficeId: 'bo-leo' } });
  });
});
