import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@app/domain';
import { runCreateAdmin } from './support/create-admin-script';
import { startTestApp, TestApp, validFiling } from './support/test-app';

const PASSWORDS: Record<string, string> = {
  'admin-ada': 'la clave del primer admin',
  'agent-ana': 'la clave de ana, asesora',
  'sup-sofia': 'la clave de sofía, supervisora',
  'bo-beto': 'la clave de beto, backoffice',
  'bo-carla': 'la clave de carla, backoffice',
};
const emailOf = (userId: string) => `${userId}@empresa.co`;

interface Session {
  bearer: string;
  refreshToken: string;
}

/**
 * Issue 27's "done when", with no token but those sign-in gives: the first admin from the setup
 * script; the admin creates a supervisor and two backoffice users in a team; the supervisor
 * distributes round-robin within the team; one backoffice agent answers; the admin deactivates the
 * other, whose refresh token then fails, whose access token is refused at once, and whose open cases
 * wait for redistribution until the supervisor hands them on.
 */
describe('HTTP: people sign in and work — admin, supervisor, two backoffice agents in a team', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-people-'));
  let t: TestApp;

  beforeAll(async () => {
    const setup = await runCreateAdmin(dataDir, ['--id', 'admin-ada', '--email', emailOf('admin-ada'), '--name', 'Ada Admin', '--password-stdin'], `${PASSWORDS['admin-ada']}\n`);
    expect({ code: setup.code, stderr: setup.stderr }).toEqual({ code: 0, stderr: '' });
    t = await startTestApp({ dataDir });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(userId: string): Promise<Session> {
    const response = await t.http().post('/auth/sign-in').send({ email: emailOf(userId), password: PASSWORDS[userId] }).expect(200);
    expect(response.body.user.userId).toBe(userId);
    return { bearer: `Bearer ${response.body.accessToken}`, refreshToken: response.body.refreshToken };
  }
  const post = (session: Session, path: string, body: object) => t.http().post(path).set('Authorization', session.bearer).send(body);
  const get = (session: Session, path: string, query: Record<string, unknown> = {}) => t.http().get(path).query(query).set('Authorization', session.bearer);

  async function createUser(admin: Session, userId: string, displayName: string, roles: Role[], teamIds: string[] = []): Promise<void> {
    await post(admin, '/users', { userId, displayName, email: emailOf(userId), roles, teamIds }).expect(201);
    await post(admin, `/users/${userId}/password`, { password: PASSWORDS[userId] }).expect(200);
  }

  it('runs from the first admin to the redistribution of a deactivated agent’s cases', async () => {
    const admin = await signIn('admin-ada');
    await post(admin, '/teams', { teamId: 'zona-norte', name: 'Zona norte' }).expect(201);
    await createUser(admin, 'agent-ana', 'Ana Asesora', ['agent']);
    await createUser(admin, 'sup-sofia', 'Sofía Supervisora', ['supervisor']);
    await createUser(admin, 'bo-beto', 'Beto Backoffice', ['backoffice'], ['zona-norte']);
    await createUser(admin, 'bo-carla', 'Carla Backoffice', ['backoffice'], ['zona-norte']);

    const agent = await signIn('agent-ana');
    const filed: string[] = [];
    for (let i = 0; i < 4; i++) filed.push((await post(agent, '/cases', validFiling()).expect(201)).body.caseId);

    const supervisor = await signIn('sup-sofia');
    const distributed = await post(supervisor, `/cases/distribution?minPosition=${await t.headPosition()}`, { rule: 'round-robin', teamId: 'zona-norte' }).expect(200);
    const assigneeOf = new Map<string, string>(distributed.body.assigned.map((item: { caseId: string; backofficeId: string }) => [item.caseId, item.backofficeId]));
    expect([...assigneeOf.keys()].sort()).toEqual([...filed].sort());
    expect([...assigneeOf.values()].sort()).toEqual(['bo-beto', 'bo-beto', 'bo-carla', 'bo-carla']);
    const betos = filed.filter((caseId) => assigneeOf.get(caseId) === 'bo-beto');
    const carlas = filed.filter((caseId) => assigneeOf.get(caseId) === 'bo-carla');

    const beto = await signIn('bo-beto');
    await post(beto, `/cases/${betos[0]}/typification-review`, { consistent: true }).expect(200);
    const answered = await post(beto, `/cases/${betos[0]}/responses`, { body: 'Reversamos el cobro duplicado de febrero', outcome: 'resolved', decision: 'favourable' }).expect(200);
    const view = await get(supervisor, `/cases/${betos[0]}`, { minPosition: answered.body.position }).expect(200);
    expect(view.body).toMatchObject({ status: 'responded', assigneeId: 'bo-beto' });

    const carla = await signIn('bo-carla');
    await get(carla, '/queues/backoffice/bo-carla').expect(200);
    const deactivated = await post(admin, '/users/bo-carla/deactivation', {}).expect(200);

    expect((await t.http().post('/auth/refresh').send({ refreshToken: carla.refreshToken }).expect(401)).body.code).toBe('USER.DEACTIVATED');
    expect((await get(carla, '/queues/backoffice/bo-carla').expect(401)).body.code).toBe('USER.DEACTIVATED');
    expect((await t.http().post('/auth/sign-in').send({ email: emailOf('bo-carla'), password: PASSWORDS['bo-carla'] }).expect(401)).body.code).toBe('USER.DEACTIVATED');

    const waiting = await get(supervisor, '/queues/to-redistribute', { minPosition: deactivated.body.position }).expect(200);
    expect(waiting.body.items.map((item: { caseId: string; assigneeId: string }) => [item.caseId, item.assigneeId]).sort()).toEqual(carlas.map((caseId) => [caseId, 'bo-carla']).sort());

    const handedOn = await post(supervisor, `/cases/distribution?minPosition=${deactivated.body.position}`, { rule: 'round-robin', teamId: 'zona-norte', from: 'to-redistribute' }).expect(200);
    expect(handedOn.body.assigned.map((item: { caseId: string; backofficeId: string }) => [item.caseId, item.backofficeId]).sort()).toEqual(carlas.map((caseId) => [caseId, 'bo-beto']).sort());
    expect((await get(supervisor, '/queues/to-redistribute', { minPosition: handedOn.body.position }).expect(200)).body.items).toEqual([]);
  }, 120_000);
});
