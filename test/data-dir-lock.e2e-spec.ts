import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@app/api';
import { startProjectorProcess, stopAllProjectorProcesses } from './support/projector-process';
import { startTestApp, TEST_JWT_SECRET } from './support/test-app';

/** Two processes on one DATA_DIR (issue 23): only the documented split may share it. */
describe('one DATA_DIR, two processes', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pqr-lock-'));
  });
  afterEach(async () => {
    await stopAllProjectorProcesses();
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(() => stopAllProjectorProcesses());

  const secondApp = (config: Record<string, string> = {}) =>
    createApp({ config: { DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, ...config }, log: { level: 'silent' } }, false).then(
      async (app) => {
        await app.close();
        return undefined;
      },
      (error: Error) => error.message,
    );

  it('given an API running, when a second API starts on its DATA_DIR, then it refuses naming the first; once the first stops, it starts', async () => {
    const first = await startTestApp({ dataDir, log: { level: 'silent' } });
    expect(await secondApp()).toMatch(new RegExp(`^DATA_DIR ${dataDir} is already used by another API \\(the API \\(PROJECTOR=in-process\\), pid ${process.pid} on .+, since .+\\): one API per DATA_DIR`));
    expect(await secondApp({ PROJECTOR: 'external' })).toMatch(/is already used by another API/);
    await first.close();
    expect(await secondApp()).toBeUndefined();
  });

  it('given an API that projects, when the projector starts on its DATA_DIR, then the projector stops with a message naming the split', async () => {
    const api = await startTestApp({ dataDir, log: { level: 'silent' } });
    try {
      const projector = startProjectorProcess({ dataDir });
      await new Promise((resolve) => projector.child.once('exit', resolve));
      expect(projector.child.exitCode).toBe(1);
      expect(projector.output()).toContain(`The projections of DATA_DIR ${dataDir} are already run by the API (PROJECTOR=in-process), pid ${process.pid}`);
      expect(projector.output()).toContain('run the API with PROJECTOR=external and one `npm run start:projector`');
    } finally {
      await api.close();
    }
  });

  it('given the projector running, when an API that projects starts, then it refuses; with PROJECTOR=external it starts; a killed projector leaves no lock behind', async () => {
    const projector = startProjectorProcess({ dataDir });
    // Its lock is held once its note names it (trying an API meanwhile could take the lock first).
    const holder = () => {
      try {
        return (JSON.parse(readFileSync(join(dataDir, 'projector.lock.json'), 'utf8')) as { pid: number }).pid;
      } catch {
        return undefined;
      }
    };
    for (let attempt = 0; attempt < 600 && holder() !== projector.child.pid; attempt++) {
      if (projector.exited()) throw new Error(`the projector exited:\n${projector.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await secondApp()).toMatch(new RegExp(`The projections of DATA_DIR ${dataDir} are already run by npm run start:projector, pid ${projector.child.pid} on `));
    expect(await secondApp({ PROJECTOR: 'external' })).toBeUndefined();
    await projector.stop('SIGKILL');
    expect(await secondApp()).toBeUndefined();
  });
});
