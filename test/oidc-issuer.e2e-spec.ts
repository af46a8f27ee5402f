import { bearer } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { expectApiError } from './support/expectations';
import { LocalOidcIssuer, unsignedBearer } from './support/oidc-issuer';
import { startTestApp, TestApp } from './support/test-app';

const AUDIENCE = 'pqr-api';
const SUPERVISOR_ROUTE = '/queues/unassigned';
const AGENT_ROUTE = '/queues/to-typify';
/** Keycloak's shape: the realm roles under realm_access.roles, mapped to ours by OIDC_ROLE_MAP. */
const realmRoles = (...roles: string[]) => ({ realm_access: { roles: [...roles, 'offline_access'] } });

/** Access tokens from an OpenID Connect issuer (ADR 37): a real one, on loopback, with keys it generates. */
describe('OpenID Connect issuer: RS256/ES256 access tokens through its JWKS, beside HS256', () => {
  let issuer: LocalOidcIssuer;
  let t: TestApp;
  const get = (path: string, authorization: string, app = t) => app.http().get(path).set('Authorization', authorization);

  beforeAll(async () => {
    issuer = await LocalOidcIssuer.start();
    t = await startTestApp({
      config: {
        OIDC_ISSUER: issuer.url,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_ROLES_CLAIM: 'realm_access.roles',
        OIDC_ROLE_MAP: 'pqr-supervisors=supervisor,pqr-agents=agent,pqr-audit=auditor',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await issuer?.close();
  });

  it.each(['RS256', 'ES256'] as const)('accepts a %s token the issuer signs, with the roles its groups map to: 200 where they are allowed, 403 elsewhere', async (alg) => {
    const supervisor = await issuer.bearer({ sub: `sofia-${alg}`, ...realmRoles('pqr-supervisors') }, AUDIENCE, { alg });
    await get(SUPERVISOR_ROUTE, supervisor).expect(200);
    const agent = await issuer.bearer({ sub: `ana-${alg}`, ...realmRoles('pqr-agents') }, AUDIENCE, { alg });
    await get(AGENT_ROUTE, agent).expect(200);
    expectApiError(`${alg} agent on a supervisor route`, await get(SUPERVISOR_ROUTE, agent), 403, 'AUTH.FORBIDDEN');
  });

  it('records the token’s sub as the actor, with the mapped roles (the access audit of a case read)', async () => {
    const filed = await new CaseDriver(t).file();
    const supervisor = await issuer.bearer({ sub: 'f3a9c2e1-sofia', ...realmRoles('pqr-supervisors') }, AUDIENCE);
    await get(`/cases/${filed.caseId}?minPosition=${await t.headPosition()}`, supervisor).expect(200);
    const auditor = await issuer.bearer({ sub: 'aurora', ...realmRoles('pqr-audit') }, AUDIENCE, { alg: 'ES256' });
    const log = await get(`/audit/access?caseId=${filed.caseId}`, auditor).expect(200);
    expect(log.body.items).toEqual([expect.objectContaining({ actorId: 'f3a9c2e1-sofia', actorRoles: ['supervisor'] })]);
  });

  it('keeps the issuer’s keys between tokens: one JWKS fetch serves many requests', async () => {
    const supervisor = (n: number) => issuer.bearer({ sub: `sofia-${n}`, ...realmRoles('pqr-supervisors') }, AUDIENCE, { alg: n % 2 ? 'ES256' : 'RS256' });
    await get(SUPERVISOR_ROUTE, await supervisor(0)).expect(200);
    const fetched = issuer.jwksRequests.count;
    for (let n = 1; n <= 4; n++) await get(SUPERVISOR_ROUTE, await supervisor(n)).expect(200);
    expect({ fetched, after: issuer.jwksRequests.count }).toEqual({ fetched: 1, after: 1 });
  });

  describe('in the user directory (ADR 41)', () => {
    const admin = () => bearer('admin');
    const history = async (userId: string) => (await get(`/users/${encodeURIComponent(userId)}/history`, admin()).expect(200)).body.events as Array<{ type: string; actorId: string; data: Record<string, unknown> }>;

    it('creates the user on first use, named and reached as the provider says, recorded by the issuer, linked to its subject', async () => {
      const token = await issuer.bearer({ sub: 'c0ffee-marta', name: 'Marta Ríos', email: 'marta.rios@empresa.co', ...realmRoles('pqr-supervisors') }, AUDIENCE);
      await get(SUPERVISOR_ROUTE, token).expect(200);
      const user = (await get(`/users/c0ffee-marta?minPosition=${await t.headPosition()}`, admin()).expect(200)).body;
      expect(user).toMatchObject({ userId: 'c0ffee-marta', displayName: 'Marta Ríos', email: 'marta.rios@empresa.co', roles: ['supervisor'], teamIds: [], active: true, createdBy: `oidc:${issuer.url}`, revision: 1 });
      expect(await history('c0ffee-marta')).toEqual([
        expect.objectContaining({ type: 'UserCreated', actorId: `oidc:${issuer.url}` }),
        expect.objectContaining({ type: 'UserIdentityLinked', actorId: `oidc:${issuer.url}`, data: { userId: 'c0ffee-marta', issuer: issuer.url, subject: 'c0ffee-marta' } }),
      ]);
      await get(SUPERVISOR_ROUTE, token).expect(200);
      expect(await history('c0ffee-marta')).toHaveLength(2);
    });

    it('sets the roles the provider now gives: UserRolesChanged once, however many requests carry them', async () => {
      await get(SUPERVISOR_ROUTE, await issuer.bearer({ sub: 'c0ffee-pablo', ...realmRoles('pqr-supervisors') }, AUDIENCE)).expect(200);
      const promoted = await issuer.bearer({ sub: 'c0ffee-pablo', ...realmRoles('pqr-supervisors', 'pqr-audit') }, AUDIENCE, { alg: 'ES256' });
      for (let n = 0; n < 3; n++) await get(SUPERVISOR_ROUTE, promoted).expect(200);
      const events = await history('c0ffee-pablo');
      expect(events.map((event) => event.type)).toEqual(['UserCreated', 'UserIdentityLinked', 'UserRolesChanged']);
      expect(events[2]).toMatchObject({ actorId: `oidc:${issuer.url}`, data: { roles: ['supervisor', 'auditor'] } });
    });

    it('refuses the user an admin deactivated with 401 USER.DEACTIVATED, though the provider still signs their tokens', async () => {
      const token = await issuer.bearer({ sub: 'c0ffee-ivan', ...realmRoles('pqr-agents') }, AUDIENCE);
      await get(AGENT_ROUTE, token).expect(200);
      await t.http().post('/users/c0ffee-ivan/deactivation').set('Authorization', admin()).send({}).expect(200);
      expectApiError('deactivated OIDC user', await get(AGENT_ROUTE, token), 401, 'USER.DEACTIVATED');
      expectApiError('deactivated, with a fresh token', await get(AGENT_ROUTE, await issuer.bearer({ sub: 'c0ffee-ivan', ...realmRoles('pqr-agents') }, AUDIENCE)), 401, 'USER.DEACTIVATED');
    });

    it('never takes over a user an admin created with the same id: 403 USER.IDENTITY_CONFLICT, nothing recorded', async () => {
      const created = { userId: 'bo-olga', displayName: 'Olga Niño', email: 'olga@empresa.co', roles: ['backoffice'], teamIds: [] };
      await t.http().post('/users').set('Authorization', admin()).send(created).expect(201);
      const token = await issuer.bearer({ sub: 'bo-olga', ...realmRoles('pqr-supervisors') }, AUDIENCE);
      expectApiError('subject taken by an admin-created user', await get(SUPERVISOR_ROUTE, token), 403, 'USER.IDENTITY_CONFLICT');
      expect((await history('bo-olga')).map((event) => event.type)).toEqual(['UserCreated']);
    });

    it('creates one user when first requests come at once, and none fails', async () => {
      const token = await issuer.bearer({ sub: 'c0ffee-rosa', ...realmRoles('pqr-agents') }, AUDIENCE);
      const answers = await Promise.all(Array.from({ length: 6 }, () => get(AGENT_ROUTE, token)));
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      expect((await history('c0ffee-rosa')).map((event) => event.type)).toEqual(['UserCreated', 'UserIdentityLinked']);
    });
  });

  it('answers 403 to a token whose groups map to none of our roles, as to any token without a role', async () => {
    const nobody = await issuer.bearer({ sub: 'guest', ...realmRoles('pqr-visitors') }, AUDIENCE);
    expectApiError('no mapped role', await get(AGENT_ROUTE, nobody), 403, 'AUTH.FORBIDDEN');
  });

  it('still accepts our HS256 tokens (npm run token)', async () => {
    await get(SUPERVISOR_ROUTE, bearer('supervisor')).expect(200);
  });

  const claims = { sub: 'mallory', ...realmRoles('pqr-supervisors') };
  it.each([
    ['from another issuer', () => issuer.bearer(claims, AUDIENCE, { issuer: 'https://login.example.com/realms/other' }), 'The token is from another issuer'],
    ['for another audience', () => issuer.bearer(claims, AUDIENCE, { audience: 'another-api' }), 'The token is for another audience'],
    ['expired', () => issuer.bearer(claims, AUDIENCE, { expiresIn: -60 }), 'The token has expired'],
    ['signed by a key the issuer does not publish', () => issuer.bearer(claims, AUDIENCE, { unpublishedKey: { sameKid: false } }), 'The token is signed by a key the issuer does not publish'],
    ['signed by another key under a published kid (RS256)', () => issuer.bearer(claims, AUDIENCE, { unpublishedKey: { sameKid: true } }), 'The token is invalid'],
    ['signed by another key under a published kid (ES256)', () => issuer.bearer(claims, AUDIENCE, { alg: 'ES256', unpublishedKey: { sameKid: true } }), 'The token is invalid'],
    ['unsigned (alg: none)', async () => unsignedBearer({ ...claims, iss: issuer.url, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 300 }), 'The token is invalid'],
    ['living longer than JWT_MAX_LIFETIME_HOURS', () => issuer.bearer(claims, AUDIENCE, { expiresIn: 13 * 3600 }), 'The token lives longer than 12 hours (JWT_MAX_LIFETIME_HOURS)'],
  ])('refuses a token %s with 401 AUTH.UNAUTHENTICATED and the reason', async (name, token, reason) => {
    const response = await get(SUPERVISOR_ROUTE, await token());
    expectApiError(name, response, 401, 'AUTH.UNAUTHENTICATED');
    expect(response.body.message).toBe(reason);
  });

  describe('without an issuer, or with one that cannot be reached', () => {
    it('refuses RS256 tokens with 401 when no OIDC_ISSUER is configured', async () => {
      const plain = await startTestApp();
      try {
        const response = await get(SUPERVISOR_ROUTE, await issuer.bearer(claims, AUDIENCE), plain);
        expectApiError('no issuer configured', response, 401, 'AUTH.UNAUTHENTICATED');
      } finally {
        await plain.close();
      }
    });

    it('answers 401 (never 500) while the issuer’s keys cannot be fetched, and HS256 tokens still work', async () => {
      const unreachable = await startTestApp({ config: { OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_URL: 'http://127.0.0.1:9/jwks' } });
      try {
        const response = await get(SUPERVISOR_ROUTE, await issuer.bearer({ sub: 'sofia', roles: ['supervisor'] }, AUDIENCE), unreachable);
        expectApiError('JWKS unreachable', response, 401, 'AUTH.UNAUTHENTICATED');
        expect(response.body.message).toBe("The identity provider's keys could not be fetched");
        await get(SUPERVISOR_ROUTE, bearer('supervisor'), unreachable).expect(200);
      } finally {
        await unreachable.close();
      }
    });
  });
});
