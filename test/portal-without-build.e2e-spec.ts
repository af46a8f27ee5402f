import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogCapture } from './support/log-capture';
import { startTestApp } from './support/test-app';

/** Its own file: Nest's static logger follows the first app a test file starts (test/portal.e2e-spec.ts starts one with the build). */
describe('the API without a portal build', () => {
  it('starts, says so in its log, and answers the portal paths with its JSON 404', async () => {
    const missing = join(tmpdir(), 'pqr-portal-never-built');
    const log = new LogCapture();
    const t = await startTestApp({ config: { PORTAL_DIR: missing }, log: { level: 'info', stream: log } });
    try {
      const response = await t.http().get('/casos/2026-000001').expect(404);
      expect(response.body.code).toBe('ROUTE.NOT_FOUND');
      expect(log.text).toContain(`No customer portal build in ${missing}`);
    } finally {
      await t.close();
    }
  });
});
