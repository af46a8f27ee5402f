import type { DirectoryEventType, Role, UserEvent } from '@app/domain';
import { defineProjection, DirectoryProjectionEvent } from '../projection';

export const USERS_COLLECTION = 'users';

/** A user as the directory lists them: what `GET /users` and `GET /users/:id` read. */
export interface UserListing {
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
  teamIds: string[];
  active: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** The user stream's revision this listing reflects (the ETag for the next If-Match). */
  revision: number;
}

/** UserPasswordSet moves the revision (the ETag for If-Match) and nothing else: the hash never reaches a read model. */
const USER_EVENT_TYPES = ['UserCreated', 'UserRolesChanged', 'UserTeamsChanged', 'UserDeactivated', 'UserReactivated', 'UserPasswordSet', 'UserIdentityLinked'] as const satisfies readonly DirectoryEventType[];
type UserProjectionEvent = Extract<DirectoryProjectionEvent, { type: UserEvent['type'] }>;

function changed(user: UserListing, event: UserProjectionEvent): UserListing {
  const moved = { ...user, updatedAt: event.metadata.occurredAt, revision: event.revision };
  switch (event.type) {
    case 'UserRolesChanged':
      return { ...moved, roles: event.data.roles };
    case 'UserTeamsChanged':
      return { ...moved, teamIds: event.data.teamIds };
    case 'UserDeactivated':
      return { ...moved, active: false };
    case 'UserReactivated':
      return { ...moved, active: true };
    default:
      return moved;
  }
}

/** The user directory: one document per user, its roles, teams and active flag. */
export const usersProjection = defineProjection<{ user: UserListing }, UserProjectionEvent>({
  name: 'users',
  // 2: follows UserPasswordSet (the revision moves).
  version: 2,
  collections: [{ name: USERS_COLLECTION, indexes: [{ fields: ['active', 'displayName'] }, { fields: ['displayName'] }] }],
  handles: USER_EVENT_TYPES,
  keysOf: (event) => ({ user: { collection: USERS_COLLECTION, id: event.data.userId, created: event.type === 'UserCreated' } }),
  evolve: ({ user }, event) => {
    if (event.type === 'UserCreated') {
      const { userId, displayName, email, roles, teamIds } = event.data;
      const at = event.metadata.occurredAt;
      return { user: { userId, displayName, email, roles, teamIds, active: true, createdAt: at, createdBy: event.metadata.actorId, updatedAt: at, revision: event.revision } };
    }
    return user ? { user: changed(user, event) } : {};
  },
});
