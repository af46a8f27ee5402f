import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { createApp } from '../../apps/api/src/bootstrap';
import { signToken } from '../../apps/api/src/auth/sign-token';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { Clock } from '../../apps/api/src/storage/clock';
import { TEST_JWT_SECRET, TestApp } from './test-app';

export type ConfigOverrides = Partial<Record<keyof AppConfig, string>>;

/**
 * Like `startTestApp`, with extra configuration (e.g. `PROJECTOR: 'external'`): a real application
 * on a DATA_DIR (a fresh temp dir unless given; a given one is left in place on close), listening on loopback.
 */
export async function startConfiguredApp(options: { clock?: Clock; dataDir?: string; config?: ConfigOverrides } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pqr-e2e-'));
  const app = await createApp({ config: { ...options.config, DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET }, clock: options.clock }, false);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    dataDir,
    url,
    http: () => request(url),
    token: (sub, ...roles) => `Bearer ${signToken(TEST_JWT_SECRET, sub, roles)}`,
    headPosition: () => app.get<EventStore>(EVENT_STORE).headPosition(),
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
