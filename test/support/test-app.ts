import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { createApp } from '@app/api';
import { Clock, signToken } from '@app/runtime';
import type { AppConfig } from '@app/runtime';
import type { LogOptions } from '@app/api';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
/** PUBLIC_RATE_LIMIT and PUBLIC_CASE_RATE_LIMIT for suites that are not about throttling. */
export const UNTHROTTLED = '100000000';

export { ManualClock } from '@app/runtime';

export interface TestApp {
  app: INestApplication;
  dataDir: string;
  /** `http://127.0.0.1:<port>`: the app really listens, so that many requests can run at once. */
  url: string;
  http: () => ReturnType<typeof request>;
  token: (sub: string, ...roles: string[]) => string;
  /** The global position of the last event in the app's event store (0 when empty). */
  headPosition: () => Promise<number>;
  close: () => Promise<void>;
}

export type ConfigOverrides = Partial<Record<keyof AppConfig, string>>;

/**
 * A real application on a DATA_DIR (embedded SQLite; a fresh temp dir unless given, a given one is
 * left in place on close), listening on loopback, with optional extra configuration
 * (e.g. `PROJECTOR: 'external'`), on a given port or a free one.
 */
export async function startTestApp(options: { clock?: Clock; dataDir?: string; config?: ConfigOverrides; log?: LogOptions; port?: number } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pqr-e2e-'));
  // Suites send thousands of requests to /public/* from one address: the throttle is tested on its own (security suite).
  // The SLA process manager keeps its timers but sends nothing unless a suite turns it on (it would act on moved clocks).
  // Likewise the email outbox keeps its read model and delivers nothing unless a suite turns it on.
  const config = { PUBLIC_RATE_LIMIT: UNTHROTTLED, PUBLIC_CASE_RATE_LIMIT: UNTHROTTLED, SLA_PROCESS_MANAGER: 'off', MAIL_OUTBOX: 'off', ...options.config, DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET };
  // Errors (a 500's stack, a stopped projection) reach the suite's stderr, where a failing test shows them.
  const log = options.log ?? { level: 'error' as const, stream: process.stderr };
  const app = await createApp({ config, clock: options.clock, log }, false);
  await app.listen(options.port ?? 0, '127.0.0.1');
  // Keep-alive clients reuse idle sockets: with Node's 5 s default, a socket the server closes just as
  // the client reuses it fails with "socket hang up" when a busy machine stalls the suite for seconds.
  (app.getHttpServer() as Server).keepAliveTimeout = 60_000;
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

export { validFiling } from './valid-filing';
