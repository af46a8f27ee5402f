import { Role, ROLES } from '@app/domain';

/** What the API needs to accept an OpenID Connect issuer's access tokens (OIDC_* in AppConfig). */
export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Unset: read from the issuer's discovery document. */
  jwksUrl?: string;
  /** The claim carrying the provider's roles or groups, as a path (`realm_access.roles` reads `claims.realm_access.roles`). */
  rolesClaim: readonly string[];
  /** Provider value → our roles; a value it does not name is ignored. */
  roleMap: ReadonlyMap<string, readonly Role[]>;
  /** The claims (as paths) holding the display name and the email of a user created on first use. */
  nameClaim: readonly string[];
  emailClaim: readonly string[];
}

interface OidcConfig {
  OIDC_ISSUER?: string;
  OIDC_AUDIENCE?: string;
  OIDC_JWKS_URL?: string;
  OIDC_ROLES_CLAIM: string;
  OIDC_ROLE_MAP?: string;
  OIDC_NAME_CLAIM?: string;
  OIDC_EMAIL_CLAIM?: string;
}

/** The OIDC settings the configuration names, or undefined when OIDC_ISSUER is unset (HS256 tokens only). */
export function oidcSettingsOf(config: OidcConfig): OidcSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_AUDIENCE) return undefined;
  return {
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    jwksUrl: config.OIDC_JWKS_URL,
    rolesClaim: config.OIDC_ROLES_CLAIM.split('.'),
    roleMap: parseRoleMap(config.OIDC_ROLE_MAP),
    nameClaim: (config.OIDC_NAME_CLAIM ?? 'name').split('.'),
    emailClaim: (config.OIDC_EMAIL_CLAIM ?? 'email').split('.'),
  };
}

/** Why OIDC_ROLE_MAP cannot be read, one line per problem (the start-up message), or none. */
export function oidcRoleMapProblems(config: Pick<OidcConfig, 'OIDC_ROLE_MAP'>): string[] {
  try {
    parseRoleMap(config.OIDC_ROLE_MAP);
    return [];
  } catch (error) {
    return [`OIDC_ROLE_MAP: ${(error as Error).message}`];
  }
}

/**
 * `{"pqr-supervisors": "supervisor", "pqr-leads": ["supervisor", "reporter"]}` or `pqr-supervisors=supervisor,pqr-agents=agent`
 * (a value named twice gets both roles). Unset: the provider's values are our role names.
 */
function parseRoleMap(text: string | undefined): ReadonlyMap<string, readonly Role[]> {
  if (text === undefined || text.trim() === '') return new Map(ROLES.map((role) => [role, [role]]));
  const pairs = text.trim().startsWith('{') ? jsonPairs(text) : listPairs(text);
  const map = new Map<string, Role[]>();
  for (const [value, role] of pairs) {
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`"${role}" (for "${value}") is none of the roles: ${ROLES.join(', ')}`);
    map.set(value, [...(map.get(value) ?? []), role as Role]);
  }
  return map;
}

function jsonPairs(text: string): Array<[string, string]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('must be a JSON object of provider value → role or roles');
  return Object.entries(parsed).flatMap(([value, roles]): Array<[string, string]> => {
    const list: unknown[] = Array.isArray(roles) ? roles : [roles];
    if (!list.every((role) => typeof role === 'string')) throw new Error(`"${value}" must name a role or a list of roles`);
    return list.map((role) => [value, role as string]);
  });
}

function listPairs(text: string): Array<[string, string]> {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item): [string, string] => {
      const at = item.lastIndexOf('=');
      if (at <= 0 || at === item.length - 1) throw new Error(`"${item}" is not provider-value=role (or give a JSON object)`);
      return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
    });
}

/** Our roles for the provider's values found at the roles claim (a list or a single string); unmapped values are ignored. */
export function rolesFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'rolesClaim' | 'roleMap'>): Role[] {
  const found = claimAt(claims, settings.rolesClaim);
  const values = typeof found === 'string' ? [found] : Array.isArray(found) ? found.filter((value): value is string => typeof value === 'string') : [];
  return [...new Set(values.flatMap((value) => settings.roleMap.get(value) ?? []))];
}

/** The value at a claim path (`realm_access.roles` reads `claims.realm_access.roles`), or undefined. */
export function claimAt(claims: Record<string, unknown>, path: readonly string[]): unknown {
  let found: unknown = claims;
  for (const key of path) found = typeof found === 'object' && found !== null ? (found as Record<string, unknown>)[key] : undefined;
  return found;
}
