import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Actor, Role, ROLES } from '@app/domain';
import { AuthenticatedRequest } from './current-actor.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

interface TokenClaims {
  sub?: unknown;
  roles?: unknown;
}

/** One guard for every route: a valid HS256 bearer token (401) carrying one of the route's roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
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

  private authenticate(header: string | undefined): Actor {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthorizedException('A bearer token is required');
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims & object>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    if (typeof claims.sub !== 'string' || claims.sub.length === 0 || !Array.isArray(claims.roles)) {
      throw new UnauthorizedException('The token must carry a subject and a list of roles');
    }
    const roles = claims.roles.filter((role): role is Role => (ROLES as readonly unknown[]).includes(role));
    if (roles.length === 0) throw new ForbiddenException(`The token carries none of the roles: ${ROLES.join(', ')}`);
    return { id: claims.sub, roles };
  }
}
