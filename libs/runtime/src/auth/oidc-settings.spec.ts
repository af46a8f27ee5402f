import { validateAppConfig } from '../config/app-config';
import { oidcSettingsOf, rolesFromClaims } from './oidc-settings';
import { configError } from '../config/testing/config-error';

const ISSUER = { OIDC_ISSUER: 'https://login.example.co/realms/pqr', OIDC_AUDIENCE: 'pqr-api' };
const settings = (env: Record<string, string>) => oidcSettingsOf(validateAppConfig({ ...ISSUER, ...env }))!;

describe('OIDC settings', () => {
  it('given no OIDC_ISSUER, then there are none (HS256 only); given one, OIDC_AUDIENCE is required', () => {
    expect(oidcSettingsOf(validateAppConfig({}))).toBeUndefined();
    expect(configError({ OIDC_ISSUER: ISSUER.OIDC_ISSUER })).toContain('OIDC_AUDIENCE must be set when OIDC_ISSUER is');
    expect(configError({ OIDC_ISSUER: 'login.example.co' })).toContain('OIDC_ISSUER must be an http(s) URL');
    expect(settings({})).toMatchObject({ issuer: ISSUER.OIDC_ISSUER, audience: 'pqr-api', jwksUrl: undefined, rolesClaim: ['roles'] });
  });

  it('reads where the name and email of a user created on first use are: name and email by default, dotted paths, anything else refused', () => {
    expect(settings({})).toMatchObject({ nameClaim: ['name'], emailClaim: ['email'] });
    expect(settings({ OIDC_NAME_CLAIM: 'profile.display', OIDC_EMAIL_CLAIM: 'mail' })).toMatchObject({ nameClaim: ['profile', 'display'], emailClaim: ['mail'] });
    expect(configError({ ...ISSUER, OIDC_NAME_CLAIM: 'display name' })).toContain('OIDC_NAME_CLAIM must be a claim name or a dotted path');
    expect(configError({ ...ISSUER, OIDC_EMAIL_CLAIM: 'mail..x' })).toContain('OIDC_EMAIL_CLAIM must be a claim name or a dotted path');
  });

  it.each([
    ['a list', 'pqr-sup=supervisor, pqr-leads=supervisor, pqr-leads=reporter'],
    ['JSON', '{"pqr-sup": "supervisor", "pqr-leads": ["supervisor", "reporter"]}'],
  ])('reads OIDC_ROLE_MAP as %s: mapped values give our roles (once each), unmapped ones are ignored', (_form, map) => {
    const oidc = settings({ OIDC_ROLES_CLAIM: 'realm_access.roles', OIDC_ROLE_MAP: map });
    expect(rolesFromClaims({ realm_access: { roles: ['pqr-sup', 'pqr-leads', 'offline_access'] } }, oidc)).toEqual(['supervisor', 'reporter']);
    expect(rolesFromClaims({ realm_access: { roles: ['offline_access'] } }, oidc)).toEqual([]);
    expect(rolesFromClaims({ roles: ['pqr-sup'] }, oidc)).toEqual([]);
  });

  it('given no OIDC_ROLE_MAP, then the provider’s values are our role names; a single string claim counts as one value', () => {
    const oidc = settings({ OIDC_ROLES_CLAIM: 'groups' });
    expect(rolesFromClaims({ groups: ['admin', 'Domain Users', 'auditor'] }, oidc)).toEqual(['admin', 'auditor']);
    expect(rolesFromClaims({ groups: 'agent' }, oidc)).toEqual(['agent']);
    expect(rolesFromClaims({ groups: { agent: true } }, oidc)).toEqual([]);
  });

  it.each([
    ['pqr-sup=boss', '"boss" (for "pqr-sup") is none of the roles'],
    ['pqr-sup', '"pqr-sup" is not provider-value=role'],
    ['{"pqr-sup": ', 'OIDC_ROLE_MAP: not JSON'],
    ['{"pqr-sup": 3}', '"pqr-sup" must name a role or a list of roles'],
  ])('given OIDC_ROLE_MAP %s, then start-up stops saying why', (map, reason) => {
    expect(configError({ ...ISSUER, OIDC_ROLE_MAP: map })).toContain(reason);
  });

  it('given an OIDC_ROLES_CLAIM that is not a dotted path, then start-up stops', () => {
    expect(configError({ ...ISSUER, OIDC_ROLES_CLAIM: 'realm_access..roles' })).toContain('OIDC_ROLES_CLAIM must be a claim name or a dotted path');
  });
});
