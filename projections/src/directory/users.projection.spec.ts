import type { DirectoryEvent } from '@app/domain';
import type { DirectoryProjectionEvent } from '../projection';
import { project } from '../testing/project';
import { teamsProjection, TEAMS_COLLECTION } from './teams.projection';
import { usersProjection, USERS_COLLECTION } from './users.projection';

/** Directory events as the store records them: stream, revision, position, actor and instant. */
function recorded(streamId: string, events: DirectoryEvent[], firstPosition: number): DirectoryProjectionEvent[] {
  return events.map((event, revision) => ({
    ...event,
    streamId,
    revision,
    position: firstPosition + revision,
    metadata: { actorId: 'admin-ada', occurredAt: `2026-03-0${revision + 2}T10:00:00-05:00` },
  })) as DirectoryProjectionEvent[];
}

describe('users and teams projections', () => {
  const beto = recorded(
    'user-bo-beto',
    [
      { type: 'UserCreated', data: { userId: 'bo-beto', displayName: 'Beto Díaz', email: 'beto@empresa.co', roles: ['backoffice'], teamIds: ['t-norte'] } },
      { type: 'UserRolesChanged', data: { userId: 'bo-beto', roles: ['backoffice', 'supervisor'] } },
      { type: 'UserTeamsChanged', data: { userId: 'bo-beto', teamIds: [] } },
      { type: 'UserDeactivated', data: { userId: 'bo-beto' } },
    ],
    1,
  );

  it('lists a user with their current roles, teams and active flag, the revision of the last change and who created them', () => {
    const { byCollection } = project(usersProjection, beto);
    expect(byCollection[USERS_COLLECTION]['bo-beto']).toEqual({
      userId: 'bo-beto',
      displayName: 'Beto Díaz',
      email: 'beto@empresa.co',
      roles: ['backoffice', 'supervisor'],
      teamIds: [],
      active: false,
      createdAt: '2026-03-02T10:00:00-05:00',
      createdBy: 'admin-ada',
      updatedAt: '2026-03-05T10:00:00-05:00',
      revision: 3,
    });
  });

  it('moves the revision (the ETag) past the identity link recorded with a provisioned user, and shows nothing else of it', () => {
    const provisioned = recorded(
      'user-f3a9-sofia',
      [
        { type: 'UserCreated', data: { userId: 'f3a9-sofia', displayName: 'Sofía Ruiz', email: 'sofia@empresa.co', roles: ['supervisor'], teamIds: [] } },
        { type: 'UserIdentityLinked', data: { userId: 'f3a9-sofia', issuer: 'https://login.empresa.co', subject: 'f3a9-sofia' } },
      ],
      1,
    );
    const listing = project(usersProjection, provisioned).byCollection[USERS_COLLECTION]['f3a9-sofia'];
    expect(listing).toMatchObject({ userId: 'f3a9-sofia', roles: ['supervisor'], active: true, revision: 1 });
    expect(Object.keys(listing as object)).not.toContain('issuer');
  });

  it('shows a reactivated user as active again', () => {
    const reactivated = recorded('user-bo-beto', [{ type: 'UserReactivated', data: { userId: 'bo-beto' } }], 5).map((event) => ({ ...event, revision: 4 }));
    expect(project(usersProjection, [...beto, ...reactivated]).byCollection[USERS_COLLECTION]['bo-beto']).toMatchObject({ active: true, revision: 4 });
  });

  it('moves the revision on a password change and keeps nothing of the hash', () => {
    const passwordSet = recorded('user-bo-beto', [{ type: 'UserPasswordSet', data: { userId: 'bo-beto', passwordHash: 'scrypt$32768$8$1$salt$hash' } }], 5).map((event) => ({ ...event, revision: 4 }));
    const user = project(usersProjection, [...beto, ...passwordSet]).byCollection[USERS_COLLECTION]['bo-beto'];
    expect(user).toMatchObject({ revision: 4, active: false, roles: ['backoffice', 'supervisor'] });
    expect(JSON.stringify(user)).not.toContain('scrypt');
  });

  it('lists a team by its id and name', () => {
    const { byCollection } = project(teamsProjection, recorded('team-t-norte', [{ type: 'TeamCreated', data: { teamId: 't-norte', name: 'Zona norte' } }], 9));
    expect(byCollection[TEAMS_COLLECTION]['t-norte']).toEqual({ teamId: 't-norte', name: 'Zona norte', createdAt: '2026-03-02T10:00:00-05:00', createdBy: 'admin-ada' });
  });
});
