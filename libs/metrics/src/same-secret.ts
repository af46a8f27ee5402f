import { createHash, timingSafeEqual } from 'node:crypto';

/** Compared in constant time (over digests, so that the lengths need not match). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** Whether an `Authorization` header carries `Bearer <token>` with exactly this token. */
export function carriesBearer(header: string | undefined, token: string): boolean {
  const given = BEARER.exec(header ?? '')?.[1];
  return given !== undefined && sameSecret(given, token);
}
