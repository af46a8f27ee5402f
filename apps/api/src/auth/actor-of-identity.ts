import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Actor, Role, ROLES } from '@app/domain';

/** Who a verified token says its bearer is, whichever issuer signed it. */
export interface VerifiedIdentity {
  /** `pqr` for our HS256 tokens (`npm run token`), else the OIDC issuer. */
  issuer: string;
  subject: unknown;
  /** Our role names, already mapped from the provider's values for an OIDC token. */
  roles: unknown;
}

/**
 * The one place a verified identity becomes the Actor of a request: the user directory hooks in here
 * (create on first use, roles from the provider's claims, a deactivated user refused whatever token they hold).
 */
export function actorOfIdentity(identity: VerifiedIdentity): Actor {
  if (typeof identity.subject !== 'string' || identity.subject.length === 0 || !Array.isArray(identity.roles)) {
    throw new UnauthorizedException('The token must carry a subject and a list of roles');
  }
  const roles = identity.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role));
  if (roles.length === 0) throw new ForbiddenException(`The token carries none of the roles: ${ROLES.join(', ')}`);
  return { id: identity.subject, roles };
}
