import { JwtService } from '@nestjs/jwt';
import { Role, ROLES } from '@app/domain';

/** Signs a staff token (HS256) with `sub` and `roles`, as the API expects. */
export function signToken(secret: string, sub: string, roles: readonly string[], expiresInSeconds = 12 * 3600): string {
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new Error(`Unknown role(s): ${unknown.join(', ')}. Roles: ${ROLES.join(', ')}`);
  if (!sub) throw new Error('A subject (--sub) is required');
  return new JwtService({ secret }).sign({ sub, roles: roles as Role[] }, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}

/** `--hours` of `npm run token` in seconds: a positive number up to JWT_MAX_LIFETIME_HOURS (the API refuses longer-lived tokens); unset, that maximum. */
export function tokenLifetimeSeconds(hours: string | undefined, maxHours: number): number {
  const value = hours === undefined ? maxHours : Number(hours);
  if (!Number.isFinite(value) || value <= 0) throw new Error('--hours must be a positive number');
  if (value > maxHours) throw new Error(`--hours may be at most ${maxHours} (JWT_MAX_LIFETIME_HOURS): the API refuses tokens that live longer`);
  return Math.round(value * 3600);
}
