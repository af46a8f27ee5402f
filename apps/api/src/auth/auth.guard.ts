import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { Actor, Role, ROLES } from '@app/domain';
import { AppConfig, TokenTimes, tokenTimesProblem } from '@app/runtime';
import { AuthenticatedRequest } from './current-actor.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

interface TokenClaims extends TokenTimes {
  sub?: unknown;
  roles?: unknown;
}

/**
 * One guard for every route: a valid HS256 bearer token (401) carrying one of the route's roles (403).
 * Valid: signed with our secret, with an `exp` not passed and at most JWT_MAX_LIFETIME_HOURS after its
 * `iat` (and after now), and no `iat`/`nbf` in the future beyond the clock skew.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const actor = this.authenticate(request.headers.authorization);
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | 'any' | undefined>(ROLES_KEY, targets);
    if (allowed === 'any') return true;
    if (!allowed || !actor.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(`This route needs one of the roles: ${(allowed ?? []).join(', ') || 'none'}`);
    }
    return true;
  }

  /** The actor a bearer JWT names (401 when it is missing or invalid, 403 when it carries no known role). */
  authenticate(header: string | undefined): Actor {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthorizedException('A bearer token is required');
    let claims: TokenClaims;
    try {
      // nbf is checked below, with the same clock skew as iat.
      claims = this.jwt.verify<TokenClaims & object>(match[1], { algorithms: ['HS256'], ignoreNotBefore: true });
    } catch (error) {
      throw new UnauthorizedException(error instanceof TokenExpiredError ? 'The token has expired' : 'The token is invalid');
    }
    const problem = tokenTimesProblem(claims, Math.floor(Date.now() / 1000), this.config.JWT_MAX_LIFETIME_HOURS * 3600);
    if (problem) throw new UnauthorizedException(problem);
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || !Array.isArray(claims.roles)) {
      throw new UnauthorizedException('The token must carry a subject and a list of roles');
    }
    const roles = claims.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role));
    if (roles.length === 0) throw new ForbiddenException(`The token carries none of the roles: ${ROLES.join(', ')}`);
    return { id: claims.sub, roles };
  }
}
