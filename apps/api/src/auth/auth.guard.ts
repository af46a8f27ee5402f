import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@app/domain';
import { AuthenticatedRequest } from './current-actor.decorator';
import { BearerAuthenticator } from './bearer-authenticator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** One guard for every route: a valid bearer token (401, see BearerAuthenticator) carrying one of the route's roles (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined> }>();
    const actor = await this.bearer.authenticate(request.headers.authorization);
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<Role[] | 'any' | undefined>(ROLES_KEY, targets);
    if (allowed === 'any') return true;
    if (!allowed || !actor.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(`This route needs one of the roles: ${(allowed ?? []).join(', ') || 'none'}`);
    }
    return true;
  }
}
