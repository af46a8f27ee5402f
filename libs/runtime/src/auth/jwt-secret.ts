import { loadOrCreateSecret } from '../storage/data-dir-secret';

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * The HS256 secret: JWT_SECRET when set; otherwise the one in DATA_DIR, generated on first start
 * (0600) so that the embedded default needs no setup and `npm run token` signs with the same key.
 */
export function loadOrCreateJwtSecret(dataDir: string, configured?: string): string {
  return loadOrCreateSecret(dataDir, JWT_SECRET_FILE, configured);
}
