import type { Role } from '@app/domain';
import { ACTORS, bearer } from './actors';
import { createAssignablePeople } from './assignable-people';
import type { TestApp } from './test-app';

/**
 * The user directory's routes (issue 27): not commands on a case, so the case command suites leave
 * them out; the authorization matrix checks them, test/user-directory.e2e-spec.ts what they do.
 */
export const DIRECTORY_ROUTES: { method: 'GET' | 'POST'; path: string; roles: readonly Role[] }[] = [
  { method: 'POST', path: '/users', roles: ['admin'] },
  { method: 'POST', path: '/users/{id}/roles', roles: ['admin'] },
  { method: 'POST', path: '/users/{id}/teams', roles: ['admin'] },
  { method: 'POST', path: '/users/{id}/deactivation', roles: ['admin'] },
  { method: 'POST', path: '/users/{id}/reactivation', roles: ['admin'] },
  { method: 'POST', path: '/teams', roles: ['admin'] },
  { method: 'GET', path: '/users', roles: ['admin', 'supervisor'] },
  { method: 'GET', path: '/users/{id}', roles: ['admin', 'supervisor'] },
  { method: 'GET', path: '/users/{id}/history', roles: ['auditor', 'admin'] },
  { method: 'GET', path: '/teams', roles: ['admin', 'supervisor'] },
];

export const isDirectoryRoute = (method: string, path: string) => DIRECTORY_ROUTES.some((route) => route.method === method && route.path === path);

/** The directory the query suites read: a team, and the assignable people with ACTORS' two backoffice agents in it (two, so that lists have a second page). */
export async function seedDirectory(t: TestApp): Promise<void> {
  const admin = bearer('admin');
  await t.http().post('/teams').set('Authorization', admin).send({ teamId: 'zona-norte', name: 'Zona norte' }).expect(201);
  await createAssignablePeople(t);
  for (const actor of [ACTORS.backoffice, ACTORS.otherBackoffice]) {
    await t.http().post(`/users/${actor.sub}/teams`).set('Authorization', admin).send({ teamIds: ['zona-norte'] }).expect(200);
  }
}
