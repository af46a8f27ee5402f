import { SqliteEventStore } from '@app/event-store/sqlite';
import { createTempDatabase } from '@app/event-store/testing/temp-database';
import { DirectoryCommandService } from '../commands/directory-command.service';
import { ManualClock } from '../storage/manual-clock';
import { DirectoryUsers } from './directory-users';

describe('DirectoryUsers: a user as the event store knows them now', () => {
  let database: ReturnType<typeof createTempDatabase>;
  let store: SqliteEventStore;
  let commands: DirectoryCommandService;
  let users: DirectoryUsers;
  const context = { actor: { id: 'admin-ada', roles: ['admin' as const] }, requestHash: 'hash', correlationId: 'test' };

  beforeEach(() => {
    database = createTempDatabase();
    store = new SqliteEventStore({ filename: database.filename });
    commands = new DirectoryCommandService(store, new ManualClock(new Date('2026-03-02T15:00:00Z')));
    users = new DirectoryUsers(store);
  });

  afterEach(async () => {
    await store.close();
    database.remove();
  });

  it('knows nobody it was not told about', async () => {
    expect(await users.current('nadie-existe-xyz')).toEqual({ exists: false });
  });

  it('follows each change of the user at once', async () => {
    await commands.user({ type: 'CreateUser', data: { userId: 'bo-beto', displayName: 'Beto', email: 'beto@empresa.co', roles: ['backoffice'], teamIds: [] } }, context);
    expect(await users.current('bo-beto')).toEqual({ exists: true, active: true, roles: ['backoffice'], teamIds: [] });
    await commands.user({ type: 'DeactivateUser', data: { userId: 'bo-beto' } }, context);
    expect(await users.current('bo-beto')).toMatchObject({ exists: true, active: false });
  });
});
