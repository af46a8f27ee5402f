import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCreateAdmin as createAdmin } from './support/create-admin-script';
import { LogCapture } from './support/log-capture';
import { startTestApp } from './support/test-app';

const PASSWORD = 'la clave del primer admin';

/** Issue 27, the one-time setup (ADR 39): the first admin from the command line, then a sign-in over HTTP. */
describe('npm run users:create-admin', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-setup-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs how to create an admin when the API starts without one; creates the first admin once, who signs in; refuses a second while that one can sign in, and prints no secret', async () => {
    const logs = new LogCapture();
    const empty = await startTestApp({ dataDir: mkdtempSync(join(tmpdir(), 'pqr-setup-empty-')), log: { level: 'info', stream: logs } });
    try {
      for (let waited = 0; !logs.text.includes('users:create-admin') && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logs.lines.filter((line) => line.includes('npm run users:create-admin'))).toHaveLength(1);
    } finally {
      await empty.close();
      rmSync(empty.dataDir, { recursive: true, force: true });
    }

    const short = await createAdmin(dataDir, ['--id', 'admin-ada', '--email', 'ada@empresa.co', '--name', 'Ada Admin', '--password-stdin'], 'corta\n');
    expect({ code: short.code, stderr: short.stderr }).toEqual({ code: 1, stderr: expect.stringContaining('at least 12 characters') });

    const created = await createAdmin(dataDir, ['--id', 'admin-ada', '--email', 'Ada@Empresa.co', '--name', 'Ada Admin', '--password-stdin'], `${PASSWORD}\n`);
    expect({ code: created.code, stderr: created.stderr }).toEqual({ code: 0, stderr: '' });
    expect(created.stdout).toContain('Admin admin-ada created');

    const second = await createAdmin(dataDir, ['--id', 'admin-bea', '--email', 'bea@empresa.co', '--name', 'Bea', '--password-stdin'], `${PASSWORD}\n`);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('An active admin with a password exists already (admin-ada)');
    for (const output of [created.stdout, created.stderr, second.stdout, second.stderr]) expect(output).not.toContain(PASSWORD);

    const t = await startTestApp({ dataDir });
    try {
      const signedIn = await t.http().post('/auth/sign-in').send({ email: 'ada@empresa.co', password: PASSWORD }).expect(200);
      expect(signedIn.body.user).toEqual({ userId: 'admin-ada', displayName: 'Ada Admin', roles: ['admin'] });
      const bearer = `Bearer ${signedIn.body.accessToken}`;
      await t.http().post('/users').set('Authorization', bearer).send({ userId: 'sup-sofia', displayName: 'Sofía', email: 'sofia@empresa.co', roles: ['supervisor'] }).expect(201);
      const history = (await t.http().get('/users/admin-ada/history').set('Authorization', bearer).expect(200)).body.events;
      expect(history.map((event: { type: string; actorId: string }) => [event.type, event.actorId])).toEqual([
        ['UserCreated', 'system:setup'],
        ['UserPasswordSet', 'system:setup'],
      ]);
    } finally {
      await t.close();
    }
  }, 180_000);
});
