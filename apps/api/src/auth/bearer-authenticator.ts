import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { decodeProtectedHeader } from 'jose';
import { Actor } from '@app/domain';
import { AppConfig, rolesFromClaims, TokenTimes, tokenTimesProblem } from '@app/runtime';
import { ActorOfIdentity } from './actor-of-identity';
import { profileFromClaims } from './oidc-profile';
import { OIDC_ALGORITHMS, OidcTokenVerifier } from './oidc-token-verifier';

interface TokenClaims extends TokenTimes {
  sub?: unknown;
  roles?: unknown;
}

/** Our own tokens' issuer in a VerifiedIdentity (they carry no `iss`). */
export const HS256_ISSUER = 'pqr';

/**
 * The actor a bearer JWT names: 401 when it is missing or invalid, 403 when it carries no known role;
 * then the user directory's word on its subject (ActorOfIdentity).
 * The header's `alg` picks the verifier: HS256, our secret (`npm run token`); RS256/ES256, the OIDC
 * issuer when one is configured; anything else (`none` included), 401. Either way the token must have
 * an `exp` not passed, at most JWT_MAX_LIFETIME_HOURS after its `iat` (and after now), and no
 * `iat`/`nbf` in the future beyond the clock skew.
 */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly oidc: OidcTokenVerifier,
    private readonly config: AppConfig,
    private readonly identities: ActorOfIdentity,
  ) {}

  async authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthorizedException('A bearer token is required');
    const token = match[1];
    const alg = algorithmOf(token);
    if (alg === 'HS256') return this.identities.actorOf(this.verifiedHs256(token));
    const settings = this.oidc.settings;
    if (alg !== undefined && OIDC_ALGORITHMS.includes(alg) && settings) {
      const claims = await this.oidc.verify(token);
      this.checkTimes(claims);
      const profile = profileFromClaims(claims, settings, String(claims.sub));
      return this.identities.actorOf({ issuer: settings.issuer, subject: claims.sub, roles: rolesFromClaims(claims, settings), profile });
    }
    throw new UnauthorizedException('The token is invalid');
  }

  private verifiedHs256(token: string) {
    let claims: TokenClaims;
    try {
      // nbf is checked by checkTimes, with the same clock skew as iat.
      claims = this.jwt.verify<TokenClaims & object>(token, { algorithms: ['HS256'], ignoreNotBefore: true });
    } catch (error) {
      throw new UnauthorizedException(error instanceof TokenExpiredError ? 'The token has expired' : 'The token is invalid');
    }
    this.checkTimes(claims);
    return { issuer: HS256_ISSUER, subject: claims.sub, roles: claims.roles };
  }

  private checkTimes(claims: TokenTimes): void {
    const problem = tokenTimesProblem(claims, Math.floor(Date.now() / 1000), this.config.JWT_MAX_LIFETIME_HOURS * 3600);
    if (problem) throw new UnauthorizedException(problem);
  }
}

function algorithmOf(token: string): string | undefined {
  try {
    const { alg } = decodeProtectedHeader(token);
    return alg;
  } catch {
    return undefined;
  }
}
