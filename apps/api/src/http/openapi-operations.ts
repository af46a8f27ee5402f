import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@app/domain';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator';
import { declaredErrorCodes } from './api-errors.decorator';

/** Who may call a route, as the AuthGuard reads it: no token, any staff role, or some roles. */
export type RouteAccess = { public: true } | { public: false; roles: Role[] | 'any' | undefined };

export interface OperationFacts {
  access: RouteAccess;
  errorCodes: string[];
}

/**
 * What the route decorators say of each handler, keyed by Swagger's default operationId
 * (`<Controller>_<method>`): read from the same metadata the AuthGuard reads, so that the
 * document cannot say other than what the guard does.
 */
export function operationFacts(app: INestApplication): Map<string, OperationFacts> {
  const reflector = new Reflector();
  const facts = new Map<string, OperationFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (Object.getOwnPropertyDescriptor(controller.prototype, method)?.value ?? null) as object | null;
        if (!handler || method === 'constructor' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler as () => void, controller];
        const access: RouteAccess = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)
          ? { public: true }
          : { public: false, roles: reflector.getAllAndOverride<Role[] | 'any' | undefined>(ROLES_KEY, targets) };
        facts.set(`${controller.name}_${method}`, { access, errorCodes: [...declaredErrorCodes(controller), ...declaredErrorCodes(handler)] });
      }
    }
  }
  return facts;
}

/** The sentence every operation's description starts with. */
export function rolesSentence(access: RouteAccess): string {
  if (access.public) return 'Roles: none (no token).';
  if (access.roles === 'any') return 'Roles: any staff role.';
  if (!access.roles || access.roles.length === 0) return 'Roles: none: closed to everyone.';
  return `Roles: ${access.roles.join(', ')}.`;
}
