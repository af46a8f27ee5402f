import type { UserState } from '@app/domain';
import { Assignees } from './assignees';
import type { DirectoryUsers } from './directory-users';

const USERS: Record<string, UserState> = {
  'bo-ana': { exists: true, active: true, roles: ['backoffice'], teamIds: [] },
  'bo-olga': { exists: true, active: false, roles: ['backoffice'], teamIds: [] },
  'sup-sara': { exists: true, active: true, roles: ['supervisor'], teamIds: [] },
  'bo-zoe': { exists: true, active: true, roles: ['agent', 'backoffice'], teamIds: [] },
};

/** The directory as a fixed map: the adapter (a stream fold) has its own spec. */
const assignees = () => new Assignees({ current: async (userId: string) => USERS[userId] ?? { exists: false } } as DirectoryUsers);

describe('Assignees: who may be given cases', () => {
  it('given a list, then the active backoffice users in it, in the order given, each once', async () => {
    expect(await assignees().assignableAmong(['bo-zoe', 'bo-olga', 'nadie', 'bo-ana', 'sup-sara', 'bo-zoe'])).toEqual(['bo-zoe', 'bo-ana']);
  });

  it('given someone not assignable, then USER.NOT_ASSIGNABLE naming every one of them, each once', async () => {
    await expect(assignees().requireAssignable(['bo-ana', 'bo-olga', 'nadie', 'bo-olga'])).rejects.toMatchObject({
      code: 'USER.NOT_ASSIGNABLE',
      kind: 'rule',
      details: { userIds: ['bo-olga', 'nadie'] },
    });
  });

  it('given only assignable users, then it resolves', async () => {
    await expect(assignees().requireAssignable(['bo-ana', 'bo-zoe'])).resolves.toBeUndefined();
  });
});
