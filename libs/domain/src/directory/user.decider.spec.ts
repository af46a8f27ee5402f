import type { Actor, Role } from '../shared/actor';
import { deciderSpec } from '../testing/given-when-then';
import type { UserEvent } from './directory.events';
import { teamDecider } from './team.decider';
import { userDecider } from './user.decider';

const admin: Actor = { id: 'admin-ada', roles: ['admin'] };
const at = '2026-03-02T10:00:00-05:00';
const sent = { actor: admin, at };
const USER = 'bo-beto';
const created: UserEvent = {
  type: 'UserCreated',
  data: { userId: USER, displayName: 'Beto Díaz', email: 'beto@empresa.co', roles: ['backoffice'], teamIds: ['t-norte'] },
};
const deactivated: UserEvent = { type: 'UserDeactivated', data: { userId: USER } };
const spec = deciderSpec(userDecider);

describe('user decider', () => {
  it('creates a user, its roles in API.md order and its teams sorted, each once', () => {
    spec
      .given([])
      .when({ ...sent, type: 'CreateUser', data: { userId: USER, displayName: 'Beto Díaz', email: 'beto@empresa.co', roles: ['supervisor', 'backoffice', 'supervisor'], teamIds: ['t-sur', 't-norte', 't-sur'] } })
      .then([{ type: 'UserCreated', data: { userId: USER, displayName: 'Beto Díaz', email: 'beto@empresa.co', roles: ['supervisor', 'backoffice'], teamIds: ['t-norte', 't-sur'] } }]);
  });

  it('refuses a second user with the same id, and a user without roles', () => {
    spec.given([created]).when({ ...sent, type: 'CreateUser', data: { ...created.data, roles: ['backoffice'], teamIds: [] } as never }).thenFails('USER.ALREADY_EXISTS');
    spec.given([]).when({ ...sent, type: 'CreateUser', data: { userId: USER, displayName: 'B', email: 'b@e.co', roles: [], teamIds: [] } }).thenFails('USER.NO_ROLES');
  });

  it('changes roles; the same roles again change nothing', () => {
    spec.given([created]).when({ ...sent, type: 'ChangeUserRoles', data: { userId: USER, roles: ['supervisor'] } }).then([{ type: 'UserRolesChanged', data: { userId: USER, roles: ['supervisor'] } }]);
    spec.given([created]).when({ ...sent, type: 'ChangeUserRoles', data: { userId: USER, roles: ['backoffice'] } }).then([]);
    spec.given([created]).when({ ...sent, type: 'ChangeUserRoles', data: { userId: USER, roles: [] } }).thenFails('USER.NO_ROLES');
  });

  it('changes teams; the same teams in another order change nothing', () => {
    spec.given([created]).when({ ...sent, type: 'ChangeUserTeams', data: { userId: USER, teamIds: ['t-sur'] } }).then([{ type: 'UserTeamsChanged', data: { userId: USER, teamIds: ['t-sur'] } }]);
    spec.given([created]).when({ ...sent, type: 'ChangeUserTeams', data: { userId: USER, teamIds: ['t-norte', 't-norte'] } }).then([]);
  });

  it('deactivates an active user once, and reactivates a deactivated one once', () => {
    spec.given([created]).when({ ...sent, type: 'DeactivateUser', data: { userId: USER } }).then([deactivated]);
    spec.given([created, deactivated]).when({ ...sent, type: 'DeactivateUser', data: { userId: USER } }).thenFails('USER.ALREADY_INACTIVE');
    spec.given([created, deactivated]).when({ ...sent, type: 'ReactivateUser', data: { userId: USER } }).then([{ type: 'UserReactivated', data: { userId: USER } }]);
    spec.given([created]).when({ ...sent, type: 'ReactivateUser', data: { userId: USER } }).thenFails('USER.ALREADY_ACTIVE');
  });

  it('refuses an admin deactivating their own user (nobody locks the directory out by mistake)', () => {
    spec.given([{ ...created, data: { ...created.data, userId: admin.id } } as UserEvent]).when({ ...sent, type: 'DeactivateUser', data: { userId: admin.id } }).thenFails('USER.CANNOT_DEACTIVATE_SELF');
  });

  describe('SyncExternalUser: an identity provider\'s account in use', () => {
    const ISSUER = 'https://login.empresa.co/realms/pqr';
    const provider: Actor = { id: `oidc:${ISSUER}`, roles: [] };
    const sync = (roles: Role[], subject = USER) => ({
      actor: provider,
      at,
      type: 'SyncExternalUser' as const,
      data: { userId: USER, issuer: ISSUER, subject, displayName: 'Beto Díaz', email: 'beto@empresa.co', roles },
    });
    const linked: UserEvent = { type: 'UserIdentityLinked', data: { userId: USER, issuer: ISSUER, subject: USER } };
    const provisioned: UserEvent = { ...created, data: { ...created.data, roles: ['backoffice'], teamIds: [] } } as UserEvent;

    it('creates and links the user on first use, with the provider\'s roles and no team', () => {
      spec.given([]).when(sync(['supervisor', 'backoffice', 'supervisor'])).then([
        { type: 'UserCreated', data: { userId: USER, displayName: 'Beto Díaz', email: 'beto@empresa.co', roles: ['supervisor', 'backoffice'], teamIds: [] } },
        linked,
      ]);
    });

    it('records the provider\'s roles only when they changed', () => {
      spec.given([provisioned, linked]).when(sync(['backoffice'])).then([]);
      spec.given([provisioned, linked]).when(sync(['agent', 'backoffice'])).then([{ type: 'UserRolesChanged', data: { userId: USER, roles: ['agent', 'backoffice'] } }]);
    });

    it('leaves a deactivated user as it is (the directory wins)', () => {
      spec.given([provisioned, linked, deactivated]).when(sync(['agent'])).then([]);
    });

    it('never takes over a user the account is not linked to: one an admin created, or another subject\'s', () => {
      spec.given([created]).when(sync(['backoffice'])).thenFails('USER.IDENTITY_CONFLICT');
      spec.given([provisioned, linked]).when(sync(['backoffice'], 'another-subject')).thenFails('USER.IDENTITY_CONFLICT');
    });

    it('refuses an account that carries none of our roles', () => {
      spec.given([]).when(sync([])).thenFails('USER.NO_ROLES');
    });
  });

  it('answers USER.NOT_FOUND to any command on a user never created', () => {
    for (const type of ['ChangeUserRoles', 'DeactivateUser', 'ReactivateUser'] as const) {
      spec.given([]).when({ ...sent, type, data: { userId: USER, roles: ['admin'] } } as never).thenFails('USER.NOT_FOUND');
    }
  });
});

describe('team decider', () => {
  it('creates a team once', () => {
    const create = { ...sent, type: 'CreateTeam' as const, data: { teamId: 't-norte', name: 'Zona norte' } };
    deciderSpec(teamDecider).given([]).when(create).then([{ type: 'TeamCreated', data: { teamId: 't-norte', name: 'Zona norte' } }]);
    deciderSpec(teamDecider).given([{ type: 'TeamCreated', data: { teamId: 't-norte', name: 'Zona norte' } }]).when(create).thenFails('TEAM.ALREADY_EXISTS');
  });
});

describe('user decider: passwords', () => {
  it('records a password hash for an existing user only', () => {
    spec.given([created]).when({ ...sent, type: 'SetUserPassword', data: { userId: USER, passwordHash: 'scrypt$x' } }).then([{ type: 'UserPasswordSet', data: { userId: USER, passwordHash: 'scrypt$x' } }]);
    spec.given([]).when({ ...sent, type: 'SetUserPassword', data: { userId: USER, passwordHash: 'scrypt$x' } }).thenFails('USER.NOT_FOUND');
  });

  it('leaves the folded state as it was (the hash is read from the stream by sign-in alone)', () => {
    const before = userDecider.evolve(userDecider.initialState(), created);
    expect(userDecider.evolve(before, { type: 'UserPasswordSet', data: { userId: USER, passwordHash: 'scrypt$x' } })).toEqual(before);
  });
});
