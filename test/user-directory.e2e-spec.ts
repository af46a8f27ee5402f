import { startTestApp, TestApp } from './support/test-app';

/** Issue 27, the directory: admins create and change users and teams, supervisors read, auditors read each change with its actor. */
describe('HTTP: the user directory and teams', () => {
  let t: TestApp;
  let admin: string, supervisorToken: string, auditor: string, backoffice: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.token('admin-ada', 'admin');
    supervisorToken = t.token('sup-sofia', 'supervisor');
    auditor = t.token('aud-aurora', 'auditor');
    backoffice = t.token('bo-beto', 'backoffice');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, token = admin) => t.http().post(path).set('Authorization', token).send(body);
  const get = (path: string, token = admin) => t.http().get(path).set('Authorization', token);
  const user = (userId: string, roles: string[], teamIds: string[] = []) => ({ userId, displayName: `Persona ${userId}`, email: `${userId}@empresa.co`, roles, teamIds });

  it('an admin creates a team, a supervisor and two backoffice users in it, changes a role, deactivates and reactivates one; the list filters; the history shows each change with its actor', async () => {
    expect((await post('/teams', { teamId: 'zona-norte', name: 'Zona norte' }).expect(201)).body).toMatchObject({ id: 'zona-norte', events: ['TeamCreated'] });
    await post('/users', user('sup-sofia', ['supervisor'])).expect(201);
    await post('/users', user('bo-beto', ['backoffice'], ['zona-norte'])).expect(201);
    const carla = await post('/users', user('bo-carla', ['backoffice'], ['zona-norte'])).expect(201);
    expect(carla.headers.etag).toBe('"0"');

    await post('/users/bo-carla/roles', { roles: ['backoffice', 'quality'] }).set('If-Match', '"0"').expect(200);
    await post('/users/bo-beto/deactivation', {}).expect(200);
    const reactivated = await post('/users/bo-beto/reactivation', {}).expect(200);
    await post('/users/bo-beto/deactivation', {}).expect(200);
    const last = (await post('/users/bo-beto/reactivation', {}).expect(200)).body.position;
    expect(reactivated.body.events).toEqual(['UserReactivated']);

    const listed = (query: string) => get(`/users?minPosition=${last}${query}`, supervisorToken).expect(200).then((response) => response.body.items.map((item: { userId: string }) => item.userId));
    expect(await listed('')).toEqual(['bo-beto', 'bo-carla', 'sup-sofia']);
    expect(await listed('&role=backoffice&teamId=zona-norte')).toEqual(['bo-beto', 'bo-carla']);
    expect(await listed('&role=quality')).toEqual(['bo-carla']);
    expect(await listed('&active=false')).toEqual([]);
    const firstPage = (await get(`/users?limit=2`, supervisorToken).expect(200)).body;
    expect((await get(`/users?limit=2&cursor=${firstPage.nextCursor}`).expect(200)).body.items.map((item: { userId: string }) => item.userId)).toEqual(['sup-sofia']);

    expect((await get('/users/bo-carla', supervisorToken).expect(200)).body).toMatchObject({ roles: ['backoffice', 'quality'], teamIds: ['zona-norte'], active: true, revision: 1 });
    expect((await get(`/teams?minPosition=${last}`).expect(200)).body.items).toEqual([expect.objectContaining({ teamId: 'zona-norte', name: 'Zona norte', createdBy: 'admin-ada' })]);

    const history = (await get('/users/bo-beto/history', auditor).expect(200)).body.events;
    expect(history.map((event: { type: string; actorId: string }) => [event.type, event.actorId])).toEqual([
      ['UserCreated', 'admin-ada'],
      ['UserDeactivated', 'admin-ada'],
      ['UserReactivated', 'admin-ada'],
      ['UserDeactivated', 'admin-ada'],
      ['UserReactivated', 'admin-ada'],
    ]);
  });

  it('a stale If-Match is 409; an Idempotency-Key sent again returns the first result and appends nothing; another body with it is 422', async () => {
    await post('/users', user('bo-dora', ['backoffice'])).expect(201);
    await post('/users/bo-dora/roles', { roles: ['supervisor'] }).expect(200);
    const stale = await post('/users/bo-dora/roles', { roles: ['agent'] }).set('If-Match', '"0"').expect(409);
    expect(stale.body).toMatchObject({ code: 'CONCURRENCY.CONFLICT', details: { currentRevision: 1 } });

    const first = await post('/users/bo-dora/deactivation', {}).set('Idempotency-Key', 'dora-off').expect(200);
    const again = await post('/users/bo-dora/deactivation', {}).set('Idempotency-Key', 'dora-off').expect(200);
    expect(again.body).toEqual({ ...first.body, replayed: true });
    expect((await get('/users/bo-dora/history', auditor).expect(200)).body.events).toHaveLength(3);
    expect((await post('/users/bo-dora/roles', { roles: ['agent'] }).set('Idempotency-Key', 'dora-off').expect(422)).body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('without If-Match, commands racing on one user are each decided on what the others left: none is lost, none fails', async () => {
    await post('/users', user('bo-hugo', ['backoffice'])).expect(201);
    const roleSets = [['agent'], ['supervisor'], ['quality'], ['auditor'], ['reporter'], ['backoffice', 'agent']];
    const answers = await Promise.all(roleSets.map((roles) => post('/users/bo-hugo/roles', { roles })));
    expect(answers.map((answer) => answer.status)).toEqual(roleSets.map(() => 200));
    const revisions = answers.map((answer) => answer.body.revision);
    expect(new Set(revisions).size).toBe(roleSets.length);
    expect((await get('/users/bo-hugo/history', auditor).expect(200)).body.events).toHaveLength(1 + roleSets.length);
  });

  it('answers the rules with their codes: unknown user 404, existing 409, already inactive 409, unknown team 422, own deactivation 422', async () => {
    expect((await post('/users/nadie/roles', { roles: ['agent'] }).expect(404)).body.code).toBe('USER.NOT_FOUND');
    expect((await get('/users/nadie/history', auditor).expect(404)).body.code).toBe('USER.NOT_FOUND');
    await post('/users', user('bo-eva', ['backoffice'])).expect(201);
    expect((await post('/users', user('bo-eva', ['agent'])).expect(409)).body.code).toBe('USER.ALREADY_EXISTS');
    expect((await post('/users', user('bo-fer', ['backoffice'], ['no-such-team'])).expect(422)).body).toMatchObject({ code: 'TEAM.NOT_FOUND', details: { teamIds: ['no-such-team'] } });
    expect((await post('/users/bo-eva/teams', { teamIds: ['no-such-team'] }).expect(422)).body.code).toBe('TEAM.NOT_FOUND');
    await post('/users/bo-eva/deactivation', {}).expect(200);
    expect((await post('/users/bo-eva/deactivation', {}).expect(409)).body.code).toBe('USER.ALREADY_INACTIVE');
    await post('/users', user('admin-ada', ['admin'])).expect(201);
    expect((await post('/users/admin-ada/deactivation', {}).expect(422)).body.code).toBe('USER.CANNOT_DEACTIVATE_SELF');
    expect((await post('/teams', { teamId: 'zona-norte', name: 'Otra' }).expect(409)).body.code).toBe('TEAM.ALREADY_EXISTS');
  });

  it('refuses bad input with the field and the reason', async () => {
    const fields = async (path: string, body: object) => (await post(path, body).expect(400)).body.details.map((problem: { field: string }) => problem.field);
    expect(await fields('/users', { userId: 'bo x', displayName: '', email: 'no-es-correo', roles: ['jefe'], teamIds: 'zona' })).toEqual(expect.arrayContaining(['userId', 'displayName', 'email', 'roles', 'teamIds']));
    expect(await fields('/users/bo-beto/roles', { roles: [] })).toEqual(['roles']);
    expect(await fields('/teams', { teamId: '', name: 'x' })).toEqual(['teamId']);
    expect((await get('/users?active=maybe&role=jefe').expect(400)).body.details.map((problem: { field: string }) => problem.field).sort()).toEqual(['active', 'role']);
  });

  it('only admins change the directory; supervisors read it; backoffice agents neither', async () => {
    await post('/users', user('bo-gil', ['backoffice']), supervisorToken).expect(403);
    await get('/users', backoffice).expect(403);
    await get('/users/bo-beto/history', supervisorToken).expect(403);
  });
});
