import { EVENT_STORE, EventStore } from '@app/event-store';
import { DirectoryCommandService, toCommandContext } from '@app/runtime';
import type { Role } from '@app/domain';
import { LogCapture } from './support/log-capture';
import { startTestApp, TestApp } from './support/test-app';

const ADMIN_PASSWORD = 'una clave larga de admin 2026';
const BETO_PASSWORD = 'la clave de beto, larga';

/** Issue 27, sign-in for the embedded default (ADR 39): passwords, sessions, rotation, revocation, throttling. */
describe('HTTP: sign-in with email and password, sessions and refresh tokens', () => {
  const logs = new LogCapture();
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ log: { level: 'trace', stream: logs }, config: { SIGN_IN_FAILURES_PER_ACCOUNT: '3', SIGN_IN_FAILURES_PER_ADDRESS: '8', TRUST_PROXY: 'loopback' } });
    // The first admin, as the setup script makes them: through the directory's command path, actor system:setup.
    const commands = t.app.get(DirectoryCommandService);
    const context = toCommandContext({ actor: { id: 'system:setup', roles: ['admin'] }, correlationId: 'setup' }, 'CreateAdmin', 'admin-ada', {});
    await commands.user({ type: 'CreateUser', data: { userId: 'admin-ada', displayName: 'Ada Admin', email: 'Ada@Empresa.co', roles: ['admin'], teamIds: [] } }, context);
    const { hashPassword } = await import('@app/runtime');
    await commands.user({ type: 'SetUserPassword', data: { userId: 'admin-ada', passwordHash: await hashPassword(ADMIN_PASSWORD) } }, context);
    admin = t.token('admin-ada', 'admin');
    await createUser('bo-beto', 'beto@empresa.co', ['backoffice'], BETO_PASSWORD);
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, token?: string) => {
    const request = t.http().post(path);
    return (token ? request.set('Authorization', token) : request).send(body);
  };
  /** From a client address of the test's own (TRUST_PROXY=loopback reads X-Forwarded-For), so that each test counts its own failures. */
  const signIn = (email: string, password: string, address = '198.51.100.1') => post('/auth/sign-in', { email, password }).set('X-Forwarded-For', address);
  async function createUser(userId: string, email: string, roles: Role[], password: string): Promise<void> {
    await post('/users', { userId, displayName: `Persona ${userId}`, email, roles }, admin).expect(201);
    await post(`/users/${userId}/password`, { password }, admin).expect(200);
  }

  it('signs in (any letter case of the email), calls the API with the access token, rotates the refresh token, and ends the session on reuse', async () => {
    const signedIn = await signIn('ada@EMPRESA.co', ADMIN_PASSWORD).expect(200);
    expect(signedIn.body.refreshExpiresIn).toBeGreaterThan(12 * 3600 - 60);
    expect(signedIn.body.refreshExpiresIn).toBeLessThanOrEqual(12 * 3600);
    expect(signedIn.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 600, user: { userId: 'admin-ada', displayName: 'Ada Admin', roles: ['admin'] } });
    const claims = JSON.parse(Buffer.from(signedIn.body.accessToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'admin-ada', roles: ['admin'], sid: expect.any(String) });
    expect(claims.exp - claims.iat).toBe(600);
    await t.http().get('/users/bo-beto').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);

    const first = signedIn.body.refreshToken;
    const refreshed = await post('/auth/refresh', { refreshToken: first }).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(first);
    await t.http().get('/teams').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    const second = (await post('/auth/refresh', { refreshToken: refreshed.body.refreshToken }).expect(200)).body.refreshToken;

    // The first token, already rotated, comes back: someone copied it, so the session ends for everyone.
    expect((await post('/auth/refresh', { refreshToken: first }).expect(401)).body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    expect((await post('/auth/refresh', { refreshToken: second }).expect(401)).body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
  });

  it('signs out: 204, and the refresh token no longer works; signing out again, or with a token nobody issued, is 204 too', async () => {
    const { refreshToken } = (await signIn('ada@empresa.co', ADMIN_PASSWORD).expect(200)).body;
    await post('/auth/sign-out', { refreshToken }).expect(204);
    expect((await post('/auth/refresh', { refreshToken }).expect(401)).body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    await post('/auth/sign-out', { refreshToken }).expect(204);
    await post('/auth/sign-out', { refreshToken: 'not-a-token' }).expect(204);
    expect((await post('/auth/refresh', { refreshToken: 'not-a-token' }).expect(401)).body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    expect((await post('/auth/refresh', {}).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'refreshToken' })]);
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    await createUser('bo-wanda', 'wanda@empresa.co', ['backoffice'], 'la clave de wanda 123');
    const wrong = await signIn('wanda@empresa.co', 'not her password at all').expect(401);
    const unknown = await signIn('nadie@empresa.co', 'not her password at all').expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    await signIn('wanda@empresa.co', 'la clave de wanda 123').expect(200);
  });

  it('deactivation: the refresh token fails at once, sign-in is 401 USER.DEACTIVATED; a reactivation does not revive the old session', async () => {
    await createUser('bo-carla', 'carla@empresa.co', ['backoffice'], 'la clave de carla 456');
    const before = (await signIn('carla@empresa.co', 'la clave de carla 456').expect(200)).body.refreshToken;
    await post('/users/bo-carla/deactivation', {}, admin).expect(200);
    expect((await post('/auth/refresh', { refreshToken: before }).expect(401)).body.code).toBe('USER.DEACTIVATED');
    expect((await signIn('carla@empresa.co', 'la clave de carla 456').expect(401)).body.code).toBe('USER.DEACTIVATED');

    const other = (await signIn('beto@empresa.co', BETO_PASSWORD).expect(200)).body.refreshToken;
    await post('/users/bo-beto/deactivation', {}, admin).expect(200);
    await post('/users/bo-beto/reactivation', {}, admin).expect(200);
    expect((await post('/auth/refresh', { refreshToken: other }).expect(401)).body.code).toBe('USER.DEACTIVATED');
    const again = (await signIn('beto@empresa.co', BETO_PASSWORD).expect(200)).body.refreshToken;
    await post('/auth/refresh', { refreshToken: again }).expect(200);
  });

  it('an email is one user\'s (any letter case): 409 USER.EMAIL_TAKEN, and nothing recorded for the refused user', async () => {
    const taken = await post('/users', { userId: 'bo-otro', displayName: 'Otro', email: 'BETO@empresa.co', roles: ['backoffice'] }, admin).expect(409);
    expect(taken.body.code).toBe('USER.EMAIL_TAKEN');
    expect((await t.http().get('/users/bo-otro/history').set('Authorization', admin).expect(404)).body.code).toBe('USER.NOT_FOUND');
    // Racing creations of one email: exactly one wins.
    const racing = await Promise.all(['bo-r1', 'bo-r2', 'bo-r3'].map((userId) => post('/users', { userId, displayName: userId, email: 'race@empresa.co', roles: ['backoffice'] }, admin)));
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409, 409]);
  });

  it('a user created before emails were reserved signs in once given a password (setting it reserves the email)', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const metadata = { eventId: 'legacy-1', schemaVersion: 1, correlationId: 'legacy', causationId: 'legacy', actorId: 'admin-ada', occurredAt: '2026-03-02T10:00:00-05:00' };
    const data = { userId: 'bo-legacy', displayName: 'Legado', email: 'legado@empresa.co', roles: ['backoffice'], teamIds: [] };
    await store.appendToStream('user-bo-legacy', [{ type: 'UserCreated', data, metadata }], { expectedRevision: 'no_stream' });
    await signIn('legado@empresa.co', 'la clave del legado').expect(401);
    await post('/users/bo-legacy/password', { password: 'la clave del legado' }, admin).expect(200);
    expect((await signIn('legado@empresa.co', 'la clave del legado').expect(200)).body.user.userId).toBe('bo-legacy');
    expect((await post('/users', { userId: 'bo-copia', displayName: 'Copia', email: 'LEGADO@empresa.co', roles: ['backoffice'] }, admin).expect(409)).body.code).toBe('USER.EMAIL_TAKEN');
  });

  it('password rules: 12 to 128 characters, 400 naming the field; the admin route needs the admin role', async () => {
    const short = await post('/users/bo-beto/password', { password: 'corta' }, admin).expect(400);
    expect(short.body.details).toEqual([{ field: 'password', reason: 'password must be at least 12 characters' }]);
    await post('/users/bo-beto/password', { password: 'x'.repeat(129) }, admin).expect(400);
    await post('/users/bo-beto/password', { password: 'una clave suficiente' }, t.token('sup-sofia', 'supervisor')).expect(403);
    expect((await post('/users/nadie/password', { password: 'una clave suficiente' }, admin).expect(404)).body.code).toBe('USER.NOT_FOUND');
  });

  it('a signed-in user changes their own password with the current one; the old one no longer signs in, nor refresh the sessions begun before', async () => {
    await createUser('bo-dora', 'dora@empresa.co', ['backoffice'], 'la primera clave de dora');
    const before = (await signIn('dora@empresa.co', 'la primera clave de dora').expect(200)).body;
    const access = `Bearer ${before.accessToken}`;
    expect((await post('/auth/password', { currentPassword: 'no es la clave', newPassword: 'la segunda clave de dora' }, access).expect(401)).body.code).toBe('AUTH.INVALID_CREDENTIALS');
    await post('/auth/password', { currentPassword: 'la primera clave de dora', newPassword: 'corta' }, access).expect(400);
    await post('/auth/password', { currentPassword: 'la primera clave de dora', newPassword: 'la segunda clave de dora' }, access).expect(204);
    await signIn('dora@empresa.co', 'la primera clave de dora').expect(401);
    expect((await post('/auth/refresh', { refreshToken: before.refreshToken }).expect(401)).body.code).toBe('AUTH.INVALID_REFRESH_TOKEN');
    const after = (await signIn('dora@empresa.co', 'la segunda clave de dora').expect(200)).body;
    await post('/auth/refresh', { refreshToken: after.refreshToken }).expect(200);
    await post('/auth/password', { currentPassword: 'x', newPassword: 'la tercera clave de dora' }).expect(401);
  });

  it('throttles failed sign-ins per account, then per address: 429 AUTH.TOO_MANY_ATTEMPTS with Retry-After, even with the right password', async () => {
    await createUser('bo-ema', 'ema@empresa.co', ['backoffice'], 'la clave de ema, larga');
    const address = '203.0.113.7';
    for (let attempt = 0; attempt < 3; attempt++) await signIn('ema@empresa.co', 'una clave equivocada', address).expect(401);
    // The account is locked from every address, the right password included.
    const refused = await signIn('ema@empresa.co', 'la clave de ema, larga', '203.0.113.99').expect(429);
    expect(refused.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(15 * 60 - 60);
    // The address: 3 failures above, 5 more on other accounts (known or not) reach its 8.
    for (const email of ['uno@empresa.co', 'dos@empresa.co', 'tres@empresa.co', 'cuatro@empresa.co', 'wanda@empresa.co']) await signIn(email, 'una clave equivocada', address).expect(401);
    const byAddress = await signIn('beto@empresa.co', BETO_PASSWORD, address).expect(429);
    expect(byAddress.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(Number(byAddress.headers['retry-after'])).toBeGreaterThan(0);
    // Another address still signs in to an account that is not locked.
    await signIn('beto@empresa.co', BETO_PASSWORD, '203.0.113.8').expect(200);
  });

  it('guesses sent all at once are bounded by the same limits (each counted before its password is checked)', async () => {
    await createUser('bo-fabio', 'fabio@empresa.co', ['backoffice'], 'la clave de fabio, larga');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn('fabio@empresa.co', `intento ${i} equivocado`, '203.0.113.50')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
  });

  it('never shows a password or its hash: not in logs, not in /users, not in the history (redacted)', async () => {
    const history = (await t.http().get('/users/admin-ada/history').set('Authorization', t.token('aud-aurora', 'auditor')).expect(200)).body.events;
    expect(history.map((event: { type: string; actorId: string }) => [event.type, event.actorId])).toEqual([
      ['UserCreated', 'system:setup'],
      ['UserPasswordSet', 'system:setup'],
    ]);
    expect(history[1].data).toEqual({ userId: 'admin-ada', passwordHash: '[redacted]' });
    const store = t.app.get<EventStore>(EVENT_STORE);
    const hashes = (await store.readAll()).filter((event) => event.type === 'UserPasswordSet').map((event) => String(event.data.passwordHash));
    expect(hashes.length).toBeGreaterThan(5);
    const reads = [
      JSON.stringify((await t.http().get('/users?limit=100').set('Authorization', admin).expect(200)).body),
      JSON.stringify((await t.http().get('/users/bo-dora').set('Authorization', admin).expect(200)).body),
      JSON.stringify(history),
    ];
    for (const secret of [ADMIN_PASSWORD, BETO_PASSWORD, 'la segunda clave de dora', 'la primera clave de dora', ...hashes, ...hashes.map((hash) => hash.split('$')[5])]) {
      expect({ secret, inLogs: logs.text.includes(secret), inReads: reads.some((read) => read.includes(secret)) }).toEqual({ secret, inLogs: false, inReads: false });
    }
    // The users listing moves its revision on a password change (the ETag stays right) and shows nothing of it.
    expect((await t.http().get('/users/bo-dora').set('Authorization', admin).expect(200)).body).not.toHaveProperty('passwordHash');
  });
});
