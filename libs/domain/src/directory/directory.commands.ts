import type { Actor, Role } from '../shared/actor';

/** Who asks and when, as every command carries it. */
interface Sent {
  actor: Actor;
  at: string;
}

export type UserCommand = Sent &
  (
    | { type: 'CreateUser'; data: { userId: string; displayName: string; email: string; roles: Role[]; teamIds: string[] } }
    | { type: 'ChangeUserRoles'; data: { userId: string; roles: Role[] } }
    | { type: 'ChangeUserTeams'; data: { userId: string; teamIds: string[] } }
    | { type: 'DeactivateUser'; data: { userId: string } }
    | { type: 'ReactivateUser'; data: { userId: string } }
    /** The hash is computed outside the domain (it takes a random salt and much memory). */
    | { type: 'SetUserPassword'; data: { userId: string; passwordHash: string } }
    /** An identity provider's token in use: create and link its user on first use, else set the roles it carries. */
    | { type: 'SyncExternalUser'; data: { userId: string; issuer: string; subject: string; displayName: string; email: string; roles: Role[] } }
  );

export type TeamCommand = Sent & { type: 'CreateTeam'; data: { teamId: string; name: string } };

export type DirectoryCommand = UserCommand | TeamCommand;
