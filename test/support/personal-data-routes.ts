import type { Role } from '@app/domain';

/**
 * The personal-data routes (issue 7): not API.md commands on a case, so the command suites leave
 * them out; the authorization matrix checks them, test/crypto-shredding.e2e-spec.ts what they do.
 */
export const PERSONAL_DATA_ROUTES: { method: 'POST'; path: string; roles: readonly Role[] }[] = [{ method: 'POST', path: '/petitioners/{id}/erasure', roles: ['admin'] }];

export const isPersonalDataRoute = (method: string, path: string) => PERSONAL_DATA_ROUTES.some((route) => route.method === method && route.path === path);
