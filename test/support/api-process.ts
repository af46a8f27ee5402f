import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { startTsProcess, stopAllTsProcesses, TsProcess } from './ts-process';

/** The API as `node main.ts` runs it, in its own process (so that it can be SIGKILLed). */
export interface ApiProcess extends TsProcess {
  url: string;
}

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

/** Starts `apps/api/src/main.ts` on `dataDir` and waits until GET /health answers 200. */
export async function startApiProcess(options: { dataDir: string; readyTimeoutMs?: number }): Promise<ApiProcess> {
  const port = await freePort();
  const api: ApiProcess = {
    ...startTsProcess(join('apps', 'api', 'src', 'main.ts'), { dataDir: options.dataDir, env: { PORT: String(port) } }),
    url: `http://127.0.0.1:${port}`,
  };
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (api.exited()) throw new Error(`The API process exited (${api.child.exitCode ?? api.child.signalCode}) before it was ready:\n${api.output()}`);
    const healthy = await request(api.url)
      .get('/health')
      .timeout(2_000)
      .then((response) => response.status === 200, () => false);
    if (healthy) return api;
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`The API process was not ready within ${readyTimeoutMs} ms:\n${api.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const stopAllApiProcesses = stopAllTsProcesses;
