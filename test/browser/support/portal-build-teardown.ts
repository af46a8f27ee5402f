import { rmSync } from 'node:fs';

/** Jest's globalTeardown for the browser suites: removes the portal build of portal-build-setup.ts. */
export default function removePortalBuild(): void {
  if (process.env.PORTAL_DIR) rmSync(process.env.PORTAL_DIR, { recursive: true, force: true });
}
