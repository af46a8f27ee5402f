import { ACTORS, bearer } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { expectApiError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

const SUPERVISOR_ROUTE = '/queues/unassigned';
const AGENT_ROUTE = '/queues/to-typify';

/** Issue 27: every request checks its bearer against the user directory, whatever token they hold (ADR 41). */
describe('HTTP: the user directory decides on every request (HS256 tokens)', () => {
  let t: TestApp;
  const admin = () => t.token('adm-root', 'admin');
  const post = (path: string, body: object) => t.http().post(path).set('Authorization', admin()).send(body);
  const get = (path: string, authorization: string) => t.http().get(path).set('Authorization', authorization);
  const createUser = (userId: string, displayName: string, roles: string[]) =>
    post('/users', { userId, displayName, email: `${userId}@empresa.co`, roles, teamIds: [] }).expect(201);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('refuses a deactivated user at once with 401 USER.DEACTIVATED, though their token is valid; reactivated, they are back', async () => {
    await createUser('sup-dora', 'Dora Díaz', ['supervisor']);
    const token = t.token('sup-dora', 'supervisor');
    await get(SUPERVISOR_ROUTE, token).expect(200);
    await post('/users/sup-dora/deactivation', {}).expect(200);
    const refused = await get(SUPERVISOR_ROUTE, token);
    expectApiError('deactivated user', refused, 401, 'USER.DEACTIVATED');
    expect(refused.body.message).toBe('The user is deactivated');
    await post('/users/sup-dora/reactivation', {}).expect(200);
    await get(SUPERVISOR_ROUTE, token).expect(200);
  });

  it('gives a directory user only the token’s roles the directory still grants: a removed role is 403 with the same token', async () => {
    await createUser('sup-lina', 'Lina Mora', ['agent', 'supervisor']);
    const token = t.token('sup-lina', 'agent', 'supervisor');
    await get(SUPERVISOR_ROUTE, token).expect(200);
    await post('/users/sup-lina/roles', { roles: ['agent'] }).expect(200);
    expectApiError('role removed', await get(SUPERVISOR_ROUTE, token), 403, 'AUTH.FORBIDDEN');
    await get(AGENT_ROUTE, token).expect(200);
  });

  it('never grants a directory user a role the directory does not give them, whatever their token says (403 when none is left)', async () => {
    await createUser('agent-otto', 'Otto Paz', ['agent']);
    expectApiError('role not in the directory', await get('/users', t.token('agent-otto', 'admin', 'supervisor')), 403, 'AUTH.FORBIDDEN');
  });

  it('keeps the token’s roles for a subject not in the directory (npm run token, scripts)', async () => {
    await get(SUPERVISOR_ROUTE, t.token('script-nightly', 'supervisor')).expect(200);
  });

  it('shows display names in the staff timeline and in the case history: the directory’s name of each actor, null for one not in it', async () => {
    await createUser(ACTORS.agent.sub, 'Ana Gómez', [...ACTORS.agent.roles]);
    const driver = new CaseDriver(t);
    const filed = await driver.file();
    const onTheWeb = await driver.fileOnTheWeb();
    const minPosition = await t.headPosition();

    const timeline = (await get(`/cases/${filed.caseId}/timeline?minPosition=${minPosition}`, bearer('agent')).expect(200)).body;
    const named = (entries: Array<{ actorId: string; actorName: string | null }>) => [...new Set(entries.map((entry) => `${entry.actorId} → ${entry.actorName}`))];
    expect(named(timeline.entries)).toEqual([`${ACTORS.agent.sub} → Ana Gómez`]);
    const webTimeline = (await get(`/cases/${onTheWeb.caseId}/timeline?minPosition=${minPosition}`, bearer('agent')).expect(200)).body;
    expect(webTimeline.entries[0]).toMatchObject({ actorId: expect.stringMatching(/^customer:/), actorName: null });

    const history = (await get(`/cases/${filed.caseId}/history`, bearer('auditor')).expect(200)).body;
    expect(named(history.events.map((event: { metadata: { actorId: string }; actorName: string | null }) => ({ actorId: event.metadata.actorId, actorName: event.actorName })))).toEqual([
      `${ACTORS.agent.sub} → Ana Gómez`,
    ]);

    await post(`/users/${ACTORS.agent.sub}/deactivation`, {}).expect(200);
    const stillNamed = (await get(`/cases/${filed.caseId}/timeline`, bearer('supervisor')).expect(200)).body;
    expect(stillNamed.entries[0].actorName).toBe('Ana Gómez');
  });
});
