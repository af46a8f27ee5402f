import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { TEST_JWT_SECRET } from './test-app';

const REPO_ROOT = join(__dirname, '..', '..');
const OUTPUT_LIMIT = 20_000;

/** The API as `node main.ts` runs it, in its own process (so that it can be SIGKILLed). */
export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** The tail of its stdout and stderr, for failure messages. */
  output(): string;
  /** Sends `signal` (SIGKILL by default) and waits until the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<ApiProcess>();
// Should the test process die first, its API processes must not outlive it.
process.once('exit', () => {
  for (const api of running) api.child.kill('SIGKILL');
});

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts `apps/api/src/main.ts` with ts-node on `dataDir` and waits until GET /health answers 200. */
export async function startApiProcess(options: { dataDir: string; readyTimeoutMs?: number }): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('apps', 'api', 'src', 'main.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), DATA_DIR: options.dataDir, JWT_SECRET: TEST_JWT_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = once(child, 'exit');

  const api: ApiProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
      running.delete(api);
    },
  };
  running.add(api);

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(api);
      throw new Error(`The API process exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    }
    const healthy = await request(api.url)
      .get('/health')
      .timeout(2_000)
      .then((response) => response.status === 200, () => false);
    if (healthy) return api;
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`The API process was not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** For afterAll: kills every API process still running, whatever happened in the tests. */
export async function stopAllApiProcesses(): Promise<void> {
  await Promise.all([...running].map((api) => api.stop('SIGKILL')));
}
