import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, JWTPayload, KeyLike, SignJWT } from 'jose';

export type IssuerAlgorithm = 'RS256' | 'ES256';

interface SigningKey {
  kid: string;
  alg: IssuerAlgorithm;
  privateKey: KeyLike;
}

export interface SignOptions {
  alg?: IssuerAlgorithm;
  /** Sign with a key the issuer does not publish (same `kid` when `sameKid`, else a kid of its own). */
  unpublishedKey?: { sameKid: boolean };
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative: already expired. */
  expiresIn?: number;
}

/**
 * A real OpenID Connect issuer for the tests, on 127.0.0.1: it generates an RS256 and an ES256 key
 * pair, serves its discovery document and its JWKS over HTTP, and signs access tokens with them.
 */
export class LocalOidcIssuer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly keys: Record<IssuerAlgorithm, SigningKey>,
    private readonly strangers: Record<IssuerAlgorithm, SigningKey>,
    /** How many times the JWKS was fetched. */
    readonly jwksRequests: { count: number },
  ) {}

  static async start(): Promise<LocalOidcIssuer> {
    const [rs, es, strangeRs, strangeEs] = await Promise.all([
      signingKey('rs-1', 'RS256'),
      signingKey('es-1', 'ES256'),
      signingKey('rs-1', 'RS256'),
      signingKey('es-1', 'ES256'),
    ]);
    const jwks = { keys: [rs.publicJwk, es.publicJwk] };
    const jwksRequests = { count: 0 };
    let url = '';
    const server = createServer((request, response) => {
      const body =
        request.url === '/.well-known/openid-configuration'
          ? { issuer: url, jwks_uri: `${url}/jwks`, id_token_signing_alg_values_supported: ['RS256', 'ES256'] }
          : request.url === '/jwks'
            ? (jwksRequests.count++, jwks)
            : undefined;
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { error: 'not found' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new LocalOidcIssuer(server, url, { RS256: rs.key, ES256: es.key }, { RS256: strangeRs.key, ES256: strangeEs.key }, jwksRequests);
  }

  /** `Bearer <token>` signed by this issuer (or as the options say) for `claims`, with `iss`, `aud`, `iat` and `exp` set. */
  async bearer(claims: JWTPayload, audience: string, options: SignOptions = {}): Promise<string> {
    const alg = options.alg ?? 'RS256';
    const stranger = this.strangers[alg];
    const key = options.unpublishedKey ? { ...stranger, kid: options.unpublishedKey.sameKid ? stranger.kid : `${stranger.kid}-unknown` } : this.keys[alg];
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? 300;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(options.issuer ?? this.url)
      .setAudience(options.audience ?? audience)
      .setIssuedAt(expiresIn < 0 ? now + expiresIn - 300 : now)
      .setExpirationTime(now + expiresIn)
      .sign(key.privateKey);
    return `Bearer ${token}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function signingKey(kid: string, alg: IssuerAlgorithm): Promise<{ key: SigningKey; publicJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { key: { kid, alg, privateKey }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** An unsigned token (`alg: none`) claiming whatever it likes. */
export function unsignedBearer(claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
