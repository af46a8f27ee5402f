import { JwtService } from '@nestjs/jwt';
import { signToken } from '@app/runtime';
import { TEST_JWT_SECRET } from './test-app';

/** The people the end-to-end suites act as: one per role, plus a second backoffice agent. */
export const ACTORS = {
  agent: { sub: 'agent-ana', roles: ['agent'] },
  supervisor: { sub: 'sup-sofia', roles: ['supervisor'] },
  backoffice: { sub: 'bo-beto', roles: ['backoffice'] },
  otherBackoffice: { sub: 'bo-bruno', roles: ['backoffice'] },
  quality: { sub: 'qa-quique', roles: ['quality'] },
  auditor: { sub: 'aud-aurora', roles: ['auditor'] },
  reporter: { sub: 'rep-rita', roles: ['reporter'] },
  admin: { sub: 'adm-adela', roles: ['admin'] },
} as const;

export type ActorName = keyof typeof ACTORS;

/** `Bearer <JWT>` for an actor, signed with the secret the test apps and child processes use. */
export function bearer(actor: ActorName): string {
  const { sub, roles } = ACTORS[actor];
  return `Bearer ${signToken(TEST_JWT_SECRET, sub, roles)}`;
}

/** `Bearer <JWT>` for an ad-hoc subject holding exactly these roles. */
export function bearerWithRoles(sub: string, ...roles: string[]): string {
  return `Bearer ${signToken(TEST_JWT_SECRET, sub, roles)}`;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Authorization headers the API must refuse with 401 (`null`: none), each with a name for failure messages. */
export function unauthenticatedHeaders(roles: readonly string[]): Array<{ name: string; header: string | null }> {
  const claims = { sub: 'intruder', roles };
  const now = Math.floor(Date.now() / 1000);
  return [
    { name: 'no Authorization header', header: null },
    { name: 'an empty bearer', header: 'Bearer ' },
    { name: 'a garbage token', header: 'Bearer not-a-jwt' },
    { name: 'a three-part garbage token', header: 'Bearer aaa.bbb.ccc' },
    { name: 'another scheme', header: `Basic ${Buffer.from('agent:secret').toString('base64')}` },
    {
      name: 'a token signed with another secret',
      header: `Bearer ${signToken('another-secret-that-is-also-long-enough-0123456789', 'intruder', roles)}`,
    },
    {
      name: 'an expired token',
      header: `Bearer ${new JwtService({ secret: TEST_JWT_SECRET }).sign({ ...claims, iat: now - 7200, exp: now - 3600 }, { algorithm: 'HS256' })}`,
    },
    { name: 'an unsigned token (alg none)', header: `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, exp: now + 3600 })}.` },
    { name: 'a token without exp', header: `Bearer ${new JwtService({ secret: TEST_JWT_SECRET }).sign(claims, { algorithm: 'HS256' })}` },
    {
      name: 'a token valid for 100 years',
      header: `Bearer ${new JwtService({ secret: TEST_JWT_SECRET }).sign({ ...claims, iat: now, exp: now + 100 * 365 * 86400 }, { algorithm: 'HS256' })}`,
    },
    {
      name: 'a token issued in the future',
      header: `Bearer ${new JwtService({ secret: TEST_JWT_SECRET }).sign({ ...claims, iat: now + 3600, exp: now + 7200 }, { algorithm: 'HS256' })}`,
    },
    {
      name: 'a token not valid yet (nbf)',
      header: `Bearer ${new JwtService({ secret: TEST_JWT_SECRET }).sign({ ...claims, iat: now, nbf: now + 3600, exp: now + 7200 }, { algorithm: 'HS256' })}`,
    },
    {
      name: 'a token without roles',
      header: `Bearer ${new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: 'intruder' }, { algorithm: 'HS256', expiresIn: 3600 })}`,
    },
  ];
}
