import { JwtService } from '@nestjs/jwt';
import { Role, ROLES } from '@app/domain';

/** Signs a staff token (HS256) with `sub` and `roles`, as the API expects. */
export function signToken(secret: string, sub: string, roles: readonly string[], expiresInSeconds = 12 * 3600): string {
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new Error(`Unknown role(s): ${unknown.join(', ')}. Roles: ${ROLES.join(', ')}`);
  if (!sub) throw new Error('A subject (--sub) is required');
  return new JwtService({ secret }).sign({ sub, roles: roles as Role[] }, { algorithm: 'HS256', expiresIn: expiresInSeconds });
}
