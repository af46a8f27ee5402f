import type { Role } from '../shared/actor';
import { ROLES } from '../shared/actor';
import type { Decider } from '../shared/decider';
import type { UserCommand } from './directory.commands';
import { DirectoryErrors } from './directory.errors';
import type { UserEvent } from './directory.events';

/** An account at an OpenID Connect issuer, linked to the user its first token created. */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
}

/** `identities` only once an identity provider's account is linked (users created by an admin have none). */
export type UserState = { exists: false } | { exists: true; active: boolean; roles: Role[]; teamIds: string[]; identities?: ExternalIdentity[] };

/** Roles in API.md's order, each once: the same set always reads the same. */
const normalRoles = (roles: readonly Role[]): Role[] => ROLES.filter((role) => roles.includes(role));
/** Team ids sorted, each once. */
const normalTeams = (teamIds: readonly string[]): string[] => [...new Set(teamIds)].sort();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

const isLinked = (state: Extract<UserState, { exists: true }>, { issuer, subject }: ExternalIdentity) =>
  (state.identities ?? []).some((identity) => identity.issuer === issuer && identity.subject === subject);

/**
 * The provider's account creates its user on first use (created and linked at once); afterwards its
 * roles follow the provider's, an event only when they change. A deactivated user is left as it is, and
 * an id taken by a user the account is not linked to is never taken over.
 */
function syncExternalUser(command: Extract<UserCommand, { type: 'SyncExternalUser' }>, state: UserState): UserEvent[] {
  const { userId, issuer, subject, displayName, email } = command.data;
  const roles = normalRoles(command.data.roles);
  if (roles.length === 0) throw DirectoryErrors.noRoles();
  if (!state.exists) {
    return [
      { type: 'UserCreated', data: { userId, displayName, email, roles, teamIds: [] } },
      { type: 'UserIdentityLinked', data: { userId, issuer, subject } },
    ];
  }
  if (!isLinked(state, { issuer, subject })) throw DirectoryErrors.identityConflict();
  if (!state.active || sameList(roles, state.roles)) return [];
  return [{ type: 'UserRolesChanged', data: { userId, roles } }];
}

function decide(command: UserCommand, state: UserState): UserEvent[] {
  if (command.type === 'SyncExternalUser') return syncExternalUser(command, state);
  if (command.type === 'CreateUser') {
    if (state.exists) throw DirectoryErrors.userAlreadyExists();
    const roles = normalRoles(command.data.roles);
    if (roles.length === 0) throw DirectoryErrors.noRoles();
    return [{ type: 'UserCreated', data: { ...command.data, roles, teamIds: normalTeams(command.data.teamIds) } }];
  }
  if (!state.exists) throw DirectoryErrors.userNotFound();
  const { userId } = command.data;
  switch (command.type) {
    case 'ChangeUserRoles': {
      const roles = normalRoles(command.data.roles);
      if (roles.length === 0) throw DirectoryErrors.noRoles();
      return sameList(roles, state.roles) ? [] : [{ type: 'UserRolesChanged', data: { userId, roles } }];
    }
    case 'ChangeUserTeams': {
      const teamIds = normalTeams(command.data.teamIds);
      return sameList(teamIds, state.teamIds) ? [] : [{ type: 'UserTeamsChanged', data: { userId, teamIds } }];
    }
    case 'DeactivateUser':
      if (!state.active) throw DirectoryErrors.userAlreadyInactive();
      if (command.actor.id === userId) throw DirectoryErrors.cannotDeactivateSelf();
      return [{ type: 'UserDeactivated', data: { userId } }];
    case 'ReactivateUser':
      if (state.active) throw DirectoryErrors.userAlreadyActive();
      return [{ type: 'UserReactivated', data: { userId } }];
    case 'SetUserPassword':
      return [{ type: 'UserPasswordSet', data: { userId, passwordHash: command.data.passwordHash } }];
  }
}

function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserCreated':
      return { exists: true, active: true, roles: event.data.roles, teamIds: event.data.teamIds };
    case 'UserRolesChanged':
      return state.exists ? { ...state, roles: event.data.roles } : state;
    case 'UserTeamsChanged':
      return state.exists ? { ...state, teamIds: event.data.teamIds } : state;
    case 'UserDeactivated':
      return state.exists ? { ...state, active: false } : state;
    case 'UserReactivated':
      return state.exists ? { ...state, active: true } : state;
    case 'UserPasswordSet':
      // Sign-in reads the hash from the stream itself (passwordHashOf): the state others fold stays as it was.
      return state;
    case 'UserIdentityLinked': {
      if (!state.exists) return state;
      const { issuer, subject } = event.data;
      return { ...state, identities: [...(state.identities ?? []), { issuer, subject }] };
    }
  }
}

/** A staff member in the directory: created by an admin, roles and teams changed, deactivated and reactivated. */
export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve,
};
