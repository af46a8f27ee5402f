/**
 * Prints a bearer token for the API: `npm run token -- --sub ana --roles agent,supervisor [--hours 12]`.
 * Signs with JWT_SECRET, or with the secret the API generated in DATA_DIR (default ./data).
 */
import { parseArgs } from 'node:util';
import { loadOrCreateJwtSecret } from '../apps/api/src/auth/jwt-secret';
import { signToken } from '../apps/api/src/auth/sign-token';

const { values } = parseArgs({
  options: { sub: { type: 'string' }, roles: { type: 'string' }, hours: { type: 'string', default: '12' } },
});
try {
  const roles = (values.roles ?? '').split(',').map((role) => role.trim()).filter(Boolean);
  if (roles.length === 0) throw new Error('At least one role is required: --roles agent,supervisor');
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error('--hours must be a positive number');
  const secret = loadOrCreateJwtSecret(process.env.DATA_DIR ?? './data', process.env.JWT_SECRET);
  process.stdout.write(`${signToken(secret, values.sub ?? '', roles, Math.round(hours * 3600))}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
