import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret: the configured one when set; otherwise the one in `DATA_DIR/<file>`, generated on first
 * start (0600) so that the embedded default needs no setup. Several processes sharing DATA_DIR
 * (the API, the projector, `npm run token`) read the same one.
 */
export function loadOrCreateSecret(dataDir: string, file: string, configured?: string): string {
  if (configured) return configured;
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(path, secret, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
  return secret;
}
