import type { Role } from '../shared/actor';
import { upcast, UpcasterRegistry } from '../shared/upcasting';

/** The events of the user directory: a user's stream `user-<id>`, a team's `team-<id>`. */
export type UserEvent =
  | { type: 'UserCreated'; data: { userId: string; displayName: string; email: string; roles: Role[]; teamIds: string[] } }
  | { type: 'UserRolesChanged'; data: { userId: string; roles: Role[] } }
  | { type: 'UserTeamsChanged'; data: { userId: string; teamIds: string[] } }
  | { type: 'UserDeactivated'; data: { userId: string } }
  | { type: 'UserReactivated'; data: { userId: string } }
  /** The user's sign-in password, as a scrypt string (parameters, salt and hash: ADR 39); never shown, never projected. */
  | { type: 'UserPasswordSet'; data: { userId: string; passwordHash: string } }
  /** The user is who an OpenID Connect issuer calls `subject` (recorded when its first token created them). */
  | { type: 'UserIdentityLinked'; data: { userId: string; issuer: string; subject: string } };

export type TeamEvent = { type: 'TeamCreated'; data: { teamId: string; name: string } };

export type DirectoryEvent = UserEvent | TeamEvent;
export type DirectoryEventType = DirectoryEvent['type'];

export const DIRECTORY_EVENT_SCHEMA_VERSIONS: Record<DirectoryEventType, number> = {
  UserCreated: 1,
  UserRolesChanged: 1,
  UserTeamsChanged: 1,
  UserDeactivated: 1,
  UserReactivated: 1,
  UserPasswordSet: 1,
  UserIdentityLinked: 1,
  TeamCreated: 1,
};

export const DIRECTORY_EVENT_TYPES = Object.keys(DIRECTORY_EVENT_SCHEMA_VERSIONS) as DirectoryEventType[];

/** No directory event has a second version yet: a new version comes with its upcaster here. */
const DIRECTORY_EVENT_UPCASTERS: UpcasterRegistry = {};

export function isDirectoryEventType(type: string): type is DirectoryEventType {
  return Object.prototype.hasOwnProperty.call(DIRECTORY_EVENT_SCHEMA_VERSIONS, type);
}

export function upcastDirectoryEvent(type: DirectoryEventType, storedVersion: number, data: Record<string, unknown>): DirectoryEvent {
  return { type, data: upcast(DIRECTORY_EVENT_UPCASTERS, type, storedVersion, DIRECTORY_EVENT_SCHEMA_VERSIONS[type], data) } as DirectoryEvent;
}

export const userStreamId = (userId: string): string => `user-${userId}`;
export const teamStreamId = (teamId: string): string => `team-${teamId}`;
