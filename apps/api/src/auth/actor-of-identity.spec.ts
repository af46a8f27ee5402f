import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { Actor, Role } from '@app/domain';
import { userStreamId } from '@app/domain';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { DirectoryCommandService, DirectoryUsers, ManualClock } from '@app/runtime';
import { ActorOfIdentity, VerifiedIdentity } from './actor-of-identity';

const ISSUER = 'https://login.empresa.co/realms/pqr';
const admin: Actor = { id: 'admin-ada', roles: ['admin'] };
const profile = { displayName: 'Sofía Ruiz', email: 'sofia@empresa.co' };

describe('ActorOfIdentity: a verified token, then the user directory’s word on its subject', () => {
  let store: SqliteEventStore;
  let directory: DirectoryCommandService;
  let identities: ActorOfIdentity;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
    directory = new DirectoryCommandService(store, new ManualClock(new Date('2026-03-10T15:00:00Z')));
    identities = new ActorOfIdentity(new DirectoryUsers(store), directory);
  });
  afterEach(() => store.close());

  const hs256 = (subject: string, roles: Role[]): VerifiedIdentity => ({ issuer: 'pqr', subject, roles });
  const oidc = (subject: string, roles: Role[]): VerifiedIdentity => ({ issuer: ISSUER, subject, roles, profile });
  const asAdmin = { actor: admin, requestHash: '', correlationId: 'test' };
  const createUser = (userId: string, roles: Role[]) => directory.user({ type: 'CreateUser', data: { userId, displayName: 'Beto Díaz', email: 'beto@empresa.co', roles, teamIds: [] } }, asAdmin);
  const deactivate = (userId: string) => directory.user({ type: 'DeactivateUser', data: { userId } }, asAdmin);
  const eventsOf = async (userId: string) => (await store.readStream(userStreamId(userId))).map((event) => ({ type: event.type, actorId: event.metadata.actorId, data: event.data }));
  const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: UnauthorizedException) => [error.getStatus(), (error.getResponse() as { code?: string }).code]);

  it('keeps the token’s roles for a subject the directory does not know (npm run token, scripts)', async () => {
    await expect(identities.actorOf(hs256('script-1', ['agent', 'supervisor']))).resolves.toEqual({ id: 'script-1', roles: ['agent', 'supervisor'] });
  });

  it('gives a directory user the token’s roles the directory still grants; none left is 403', async () => {
    await createUser('bo-beto', ['backoffice', 'agent']);
    await expect(identities.actorOf(hs256('bo-beto', ['backoffice', 'supervisor']))).resolves.toEqual({ id: 'bo-beto', roles: ['backoffice'] });
    await expect(identities.actorOf(hs256('bo-beto', ['supervisor']))).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('refuses a deactivated user with 401 USER.DEACTIVATED, whatever token they hold', async () => {
    await createUser('bo-beto', ['backoffice']);
    await deactivate('bo-beto');
    expect(await codeOf(identities.actorOf(hs256('bo-beto', ['backoffice'])))).toEqual([401, 'USER.DEACTIVATED']);
  });

  it('still refuses a token without a subject (401) or without one of our roles (403), before reading the directory', async () => {
    await expect(identities.actorOf({ issuer: 'pqr', subject: undefined, roles: ['agent'] })).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(identities.actorOf(hs256('bo-beto', ['nobody' as Role]))).rejects.toBeInstanceOf(ForbiddenException);
  });

  describe('an OIDC token', () => {
    it('creates and links its user on first use, recorded by the issuer, with the provider’s roles; the same roles again record nothing', async () => {
      await expect(identities.actorOf(oidc('f3a9-sofia', ['supervisor']))).resolves.toEqual({ id: 'f3a9-sofia', roles: ['supervisor'] });
      await identities.actorOf(oidc('f3a9-sofia', ['supervisor']));
      expect(await eventsOf('f3a9-sofia')).toEqual([
        { type: 'UserCreated', actorId: `oidc:${ISSUER}`, data: { userId: 'f3a9-sofia', ...profile, roles: ['supervisor'], teamIds: [] } },
        { type: 'UserIdentityLinked', actorId: `oidc:${ISSUER}`, data: { userId: 'f3a9-sofia', issuer: ISSUER, subject: 'f3a9-sofia' } },
      ]);
    });

    it('sets the roles the provider now gives, one UserRolesChanged per change, not per request', async () => {
      await identities.actorOf(oidc('f3a9-sofia', ['supervisor']));
      for (let n = 0; n < 3; n++) await expect(identities.actorOf(oidc('f3a9-sofia', ['supervisor', 'reporter']))).resolves.toEqual({ id: 'f3a9-sofia', roles: ['supervisor', 'reporter'] });
      expect((await eventsOf('f3a9-sofia')).map((event) => event.type)).toEqual(['UserCreated', 'UserIdentityLinked', 'UserRolesChanged']);
    });

    it('refuses a deactivated user with 401 and records nothing for them', async () => {
      await identities.actorOf(oidc('f3a9-sofia', ['supervisor']));
      await deactivate('f3a9-sofia');
      expect(await codeOf(identities.actorOf(oidc('f3a9-sofia', ['agent'])))).toEqual([401, 'USER.DEACTIVATED']);
      expect((await eventsOf('f3a9-sofia')).map((event) => event.type)).toEqual(['UserCreated', 'UserIdentityLinked', 'UserDeactivated']);
    });

    it('never takes over a user an admin created with the same id: 403 USER.IDENTITY_CONFLICT', async () => {
      await createUser('bo-beto', ['backoffice']);
      await expect(identities.actorOf(oidc('bo-beto', ['admin']))).rejects.toMatchObject({ code: 'USER.IDENTITY_CONFLICT', kind: 'forbidden' });
      expect((await eventsOf('bo-beto')).map((event) => event.type)).toEqual(['UserCreated']);
    });

    it('creates one user when two first requests come at once', async () => {
      const actors = await Promise.all([identities.actorOf(oidc('f3a9-sofia', ['supervisor'])), identities.actorOf(oidc('f3a9-sofia', ['supervisor']))]);
      expect(actors).toEqual([{ id: 'f3a9-sofia', roles: ['supervisor'] }, { id: 'f3a9-sofia', roles: ['supervisor'] }]);
      expect((await eventsOf('f3a9-sofia')).map((event) => event.type)).toEqual(['UserCreated', 'UserIdentityLinked']);
    });

    it('refuses a subject that cannot be a user id with 401', async () => {
      await expect(identities.actorOf(oidc('sofía ruiz', ['supervisor']))).rejects.toBeInstanceOf(UnauthorizedException);
    });
  });
});
