import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppConfig, OidcSettings, oidcSettingsOf } from '@app/runtime';

/** The algorithms an OpenID Connect issuer may sign our access tokens with. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'];
/** How far the issuer's clock may be from ours for `exp` and `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 5;
const DISCOVERY_TIMEOUT_MS = 5000;

/**
 * Verifies an OpenID Connect issuer's access tokens against its JWKS (jose's remote key set: fetched on
 * first use, kept 10 minutes, fetched again when a token names a key it lacks, at most every 30 s).
 * Every failure is a 401; an unreachable issuer too (logged), so that the routes' contract stays the same.
 */
@Injectable()
export class OidcTokenVerifier {
  private readonly logger = new Logger(OidcTokenVerifier.name);
  readonly settings: OidcSettings | undefined;
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(config: AppConfig) {
    this.settings = oidcSettingsOf(config);
  }

  async verify(token: string): Promise<JWTPayload> {
    const settings = this.settings;
    if (!settings) throw new UnauthorizedException('The token is invalid');
    const keys = await this.keySet(settings);
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: OIDC_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      return payload;
    } catch (error) {
      throw new UnauthorizedException(this.reason(error));
    }
  }

  private reason(error: unknown): string {
    if (error instanceof errors.JWTExpired) return 'The token has expired';
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') return 'The token is from another issuer';
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return 'The token is for another audience';
    if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed by a key the issuer does not publish';
    if (!(error instanceof errors.JOSEError) || error.constructor === errors.JOSEError || error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
      return this.unreachable(error);
    }
    return 'The token is invalid';
  }

  private unreachable(error: unknown): string {
    this.logger.warn(`The identity provider's keys could not be fetched: ${(error as Error).message}`);
    return "The identity provider's keys could not be fetched";
  }

  /** The remote key set, its URL discovered once; a failed discovery is tried again on the next token. */
  private keySet(settings: OidcSettings): Promise<JWTVerifyGetKey> {
    this.keys ??= jwksUrlOf(settings).then((url) => createRemoteJWKSet(new URL(url)));
    return this.keys.catch((error: unknown) => {
      this.keys = undefined;
      throw new UnauthorizedException(this.unreachable(error));
    });
  }
}

async function jwksUrlOf(settings: OidcSettings): Promise<string> {
  if (settings.jwksUrl) return settings.jwksUrl;
  const url = `${settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const discovery = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (discovery.issuer !== settings.issuer) throw new Error(`${url} names the issuer ${String(discovery.issuer)}, not OIDC_ISSUER`);
  if (typeof discovery.jwks_uri !== 'string') throw new Error(`${url} names no jwks_uri`);
  return discovery.jwks_uri;
}
