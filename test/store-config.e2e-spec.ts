import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@app/api';
import { TEST_JWT_SECRET } from './support/test-app';

describe('store selection at start-up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given EVENTSTORE_URL pointing at nothing, then start-up fails in bounded time naming the URL (without its password) and the cause', async () => {
    const start = createApp(
      { config: { DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, PETITIONER_ID_SECRET: TEST_JWT_SECRET, EVENTSTORE_URL: 'esdb://admin:secret@127.0.0.1:1?tls=false', STORE_CONNECT_TIMEOUT_MS: '3000' } },
      false,
    );
    const error: Error = await start.then(
      () => new Error('expected start-up to fail'),
      (failure: Error) => failure,
    );
    expect(error.message).toMatch(/^EventStoreDB at esdb:\/\/\*\*\*@127\.0\.0\.1:1\?tls=false is unreachable: .+/);
    expect(error.message).not.toContain('secret');
  });

  it('given MONGODB_URL pointing at nothing, then start-up fails in bounded time naming the URL and the cause', async () => {
    const error: Error = await createApp(
      { config: { DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, PETITIONER_ID_SECRET: TEST_JWT_SECRET, MONGODB_URL: 'mongodb://reader:pw@127.0.0.1:1/pqr', STORE_CONNECT_TIMEOUT_MS: '1500' } },
      false,
    ).then(
      () => new Error('expected start-up to fail'),
      (failure: Error) => failure,
    );
    expect(error.message).toMatch(/^MongoDB at mongodb:\/\/\*\*\*@127\.0\.0\.1:1\/pqr is unreachable: .+/);
    expect(error.message).not.toContain('pw@');
  });

  it('given SLA policies that do not validate, then start-up fails listing the problem', async () => {
    await expect(createApp({ config: { DATA_DIR: dataDir, SLA_POLICIES: '{"default": 3}' } }, false)).rejects.toThrow(/default/);
    await expect(createApp({ config: { DATA_DIR: dataDir, SLA_POLICIES: 'not json' } }, false)).rejects.toThrow(/SLA_POLICIES: not JSON/);
  });

  it('given a malformed store URL, then start-up fails naming the variable', async () => {
    await expect(createApp({ config: { DATA_DIR: dataDir, MONGODB_URL: 'http://nope' } }, false)).rejects.toThrow(/MONGODB_URL: MONGODB_URL must be a mongodb:\/\/ connection string/);
  });
});
