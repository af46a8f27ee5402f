import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, Role, ROLES, UserState } from '@app/domain';
import { DirectoryCommandService, DirectoryUsers } from '@app/runtime';
import { DIRECTORY_ID_REGEX } from '../directory/directory.dto';
import type { ExternalProfile } from './oidc-profile';

/** Who a verified token says its bearer is, whichever issuer signed it. */
export interface VerifiedIdentity {
  /** `pqr` for our HS256 tokens (`npm run token`), else the OIDC issuer. */
  issuer: string;
  subject: unknown;
  /** Our role names, already mapped from the provider's values for an OIDC token. */
  roles: unknown;
  /** An OIDC token's: who the provider says the bearer is. Its subject becomes a directory user on first use. */
  profile?: ExternalProfile;
}

type ExistingUser = Extract<UserState, { exists: true }>;

/**
 * The one place a verified identity becomes the Actor of a request (ADR 41). For a subject in the
 * user directory, as its stream stands now: a deactivated user gets 401 whatever token they hold, and
 * the actor's roles are the token's that the directory still grants (none left: 403). A subject not in
 * the directory keeps the token's roles (scripts and tests: whoever holds JWT_SECRET is the operator),
 * except an OIDC token's, whose user is created on first use, its roles following the provider's.
 */
@Injectable()
export class ActorOfIdentity {
  constructor(
    private readonly users: DirectoryUsers,
    private readonly directory: DirectoryCommandService,
  ) {}

  async actorOf(identity: VerifiedIdentity): Promise<Actor> {
    const { subject, roles } = claimsOf(identity);
    if (identity.profile && !DIRECTORY_ID_REGEX.test(subject)) throw new UnauthorizedException("The token's subject cannot be a user id (1-100 visible ASCII characters)");
    const current = await this.users.current(subject);
    const user = identity.profile ? await this.synced(identity.issuer, subject, identity.profile, roles, current) : current;
    if (!user.exists) return { id: subject, roles };
    if (!user.active) throw new UnauthorizedException({ code: 'USER.DEACTIVATED', message: 'The user is deactivated' });
    const granted = roles.filter((role) => user.roles.includes(role));
    if (granted.length === 0) throw new ForbiddenException(`The directory grants this user none of the token's roles: ${roles.join(', ')}`);
    return { id: subject, roles: granted };
  }

  /**
   * The OIDC user as the directory holds them once the token is applied: created and linked on first
   * use, roles set to the provider's when they differ. A user with nothing to record is not written
   * to (no event per request); a concurrent first use is decided again by the command path.
   */
  private async synced(issuer: string, subject: string, profile: ExternalProfile, roles: Role[], user: UserState): Promise<UserState> {
    if (user.exists && isLinked(user, issuer, subject) && (!user.active || sameRoles(user.roles, roles))) return user;
    const actor: Actor = { id: `oidc:${issuer}`, roles: [] };
    await this.directory.user(
      { type: 'SyncExternalUser', data: { userId: subject, issuer, subject, ...profile, roles } },
      { actor, requestHash: '', correlationId: randomUUID() },
    );
    return this.users.current(subject);
  }
}

function claimsOf(identity: VerifiedIdentity): { subject: string; roles: Role[] } {
  if (typeof identity.subject !== 'string' || identity.subject.length === 0 || !Array.isArray(identity.roles)) {
    throw new UnauthorizedException('The token must carry a subject and a list of roles');
  }
  const roles = ROLES.filter((role) => (identity.roles as unknown[]).includes(role));
  if (roles.length === 0) throw new ForbiddenException(`The token carries none of the roles: ${ROLES.join(', ')}`);
  return { subject: identity.subject, roles };
}

const isLinked = (user: ExistingUser, issuer: string, subject: string) => (user.identities ?? []).some((identity) => identity.issuer === issuer && identity.subject === subject);
const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));
