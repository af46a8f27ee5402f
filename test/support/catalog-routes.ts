import type { Role } from '@app/domain';

/**
 * The catalog's routes (issue 28): not commands on a case, so the case command suites leave them out;
 * the authorization matrix checks them (GET /catalog is with the query routes), test/catalog-and-priority.e2e-spec.ts what they do.
 */
export const CATALOG_ROUTES: { method: 'POST'; path: string; roles: readonly Role[] }[] = [
  { method: 'POST', path: '/catalog/typologies', roles: ['admin'] },
  { method: 'POST', path: '/catalog/typologies/{typologyId}', roles: ['admin'] },
  { method: 'POST', path: '/catalog/typologies/{typologyId}/retirement', roles: ['admin'] },
];

export const isCatalogRoute = (method: string, path: string) => CATALOG_ROUTES.some((route) => route.method === method && route.path === path);
