import { ROLES } from '@app/domain';
import type { Role } from '@app/domain';

/**
 * Sign-in's routes (issue 27, ADR 39): sign-in, refresh and sign-out take no token; changing one's own
 * password takes any staff role; an admin sets anyone's. The authorization matrix checks them,
 * test/sign-in.e2e-spec.ts what they do.
 */
export const SIGN_IN_ROUTES: { method: 'POST'; path: string; roles: readonly Role[] | 'public' }[] = [
  { method: 'POST', path: '/auth/sign-in', roles: 'public' },
  { method: 'POST', path: '/auth/refresh', roles: 'public' },
  { method: 'POST', path: '/auth/sign-out', roles: 'public' },
  { method: 'POST', path: '/auth/password', roles: ROLES },
  { method: 'POST', path: '/users/{id}/password', roles: ['admin'] },
];

export const isSignInRoute = (method: string, path: string) => SIGN_IN_ROUTES.some((route) => route.method === method && route.path === path);
