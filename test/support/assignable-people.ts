import request from 'supertest';
import { DirectoryCommandService } from '@app/runtime';
import { ACTORS, bearer } from './actors';

/**
 * The backoffice agents the suites assign cases to. Cases go only to active directory users with the
 * backoffice role (USER.NOT_ASSIGNABLE otherwise, ADR 40), so a suite creates them before it assigns:
 * ACTORS' two and the lifecycle workload's, each with exactly the roles their tokens carry.
 */
export const WORKLOAD_BACKOFFICE = ['bo-beto', 'bo-bruno', 'bo-carla', 'bo-diana', 'bo-elena', 'bo-fabio'];
export const ASSIGNABLE_PEOPLE: readonly string[] = [...new Set<string>([ACTORS.backoffice.sub, ACTORS.otherBackoffice.sub, ...WORKLOAD_BACKOFFICE])];

/** The body of `POST /users` for one of them (in `teamIds`, if any). */
export function assignablePerson(userId: string, teamIds: string[] = []) {
  return { userId, displayName: `Persona ${userId}`, email: `${userId}@empresa.co`, roles: ['backoffice' as const], teamIds };
}

/** Where the people are created: an app over HTTP (as ACTORS.admin), or a command path's directory service. */
export type DirectoryTarget = { url: string } | DirectoryCommandService;

/** Per target, the people created (or being created) so far. */
const created = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Creates `userIds` (ASSIGNABLE_PEOPLE unless a suite names its own) in the directory as backoffice
 * agents, each once per target (a person who already exists, e.g. on a restarted DATA_DIR, is left
 * as is). A later call for the same person waits for the first.
 */
export async function createAssignablePeople(target: DirectoryTarget, userIds: readonly string[] = ASSIGNABLE_PEOPLE): Promise<void> {
  const people = created.get(target) ?? new Map<string, Promise<void>>();
  created.set(target, people);
  await Promise.all(
    userIds.map((userId) => {
      const done = people.get(userId) ?? createPerson(target, userId);
      people.set(userId, done);
      return done;
    }),
  );
}

async function createPerson(target: DirectoryTarget, userId: string): Promise<void> {
  if (target instanceof DirectoryCommandService) {
    const context = { actor: { id: ACTORS.admin.sub, roles: [...ACTORS.admin.roles] }, correlationId: `fixture-${userId}`, requestHash: userId };
    await target.user({ type: 'CreateUser', data: assignablePerson(userId) }, context).catch((error: { code?: string }) => {
      if (error.code !== 'USER.ALREADY_EXISTS') throw error;
    });
    return;
  }
  const response = await request(target.url).post('/users').set('Authorization', bearer('admin')).send(assignablePerson(userId));
  if (response.status !== 201 && response.body?.code !== 'USER.ALREADY_EXISTS') {
    throw new Error(`Creating the assignable person ${userId}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
