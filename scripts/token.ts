/**
 * Prints a bearer token for the API: `npm run token -- --sub ana --roles agent,supervisor [--hours 12]`.
 * Signs with JWT_SECRET, or with the secret the API generated in DATA_DIR (default ./data); `--hours`
 * defaults to, and may not exceed, JWT_MAX_LIFETIME_HOURS (12).
 */
import { parseArgs } from 'node:util';
// The files, not the runtime's barrel (its Nest modules and store drivers): the script starts in a moment.
import { loadOrCreateJwtSecret } from '@app/runtime/auth/jwt-secret';
import { signToken, tokenLifetimeSeconds } from '@app/runtime/auth/sign-token';
import { validateAppConfig } from '@app/runtime/config/app-config';

const { values } = parseArgs({
  options: { sub: { type: 'string' }, roles: { type: 'string' }, hours: { type: 'string' } },
});
try {
  const roles = (values.roles ?? '').split(',').map((role) => role.trim()).filter(Boolean);
  if (roles.length === 0) throw new Error('At least one role is required: --roles agent,supervisor');
  const config = validateAppConfig(process.env);
  const lifetime = tokenLifetimeSeconds(values.hours, config.JWT_MAX_LIFETIME_HOURS);
  const secret = loadOrCreateJwtSecret(config.DATA_DIR, config.JWT_SECRET);
  process.stdout.write(`${signToken(secret, values.sub ?? '', roles, lifetime)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
