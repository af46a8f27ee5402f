import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPortal } from '../../support/portal-build';

/**
 * Jest's globalSetup for the browser suites: the portal built from the sources under test (vite
 * build, into a temp dir), never a stale dist/portal; the harness serves it through PORTAL_DIR.
 */
export default function buildPortalForTheSuites(): void {
  const outDir = mkdtempSync(join(tmpdir(), 'pqr-portal-'));
  const build = buildPortal(outDir);
  if (build.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`The portal did not build:\n${build.output}`);
  }
  process.env.PORTAL_DIR = outDir;
}
