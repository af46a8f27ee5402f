import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap';
import { signToken } from '../../apps/api/src/auth/sign-token';
import { Clock } from '../../apps/api/src/storage/clock';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** A clock the test moves by hand. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}

export interface TestApp {
  app: INestApplication;
  dataDir: string;
  http: () => ReturnType<typeof request>;
  token: (sub: string, ...roles: string[]) => string;
  close: () => Promise<void>;
}

/** A real application on a fresh DATA_DIR (embedded SQLite), listening on loopback. */
export async function startTestApp(options: { clock?: Clock; dataDir?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pqr-e2e-'));
  const app = await createApp({ config: { DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET }, clock: options.clock }, false);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    dataDir,
    http: () => request(server),
    token: (sub, ...roles) => `Bearer ${signToken(TEST_JWT_SECRET, sub, roles)}`,
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const validFiling = () => ({
  kind: 'claim',
  typology: 'billing',
  motive: 'duplicate-charge',
  channel: 'phone',
  subject: 'Cobro duplicado en la factura de febrero',
  facts: 'El 15 de febrero de 2026 se cobró dos veces el plan.',
  request: 'Reversar el cobro duplicado',
  petitioner: {
    fullName: 'María Fernanda Rojas',
    documentType: 'CC',
    documentNumber: '1020304050',
    email: 'maria.rojas@example.com',
    phone: '+57 300 123 4567',
  },
});
