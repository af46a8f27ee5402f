import { UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';

export const INBOUND_SECRET_HEADER = 'x-inbound-secret';

/** The mail gateway's shared secret, compared in constant time; no secret configured: nobody gets in. */
export function requireInboundSecret(configured: string | undefined, given: string | string[] | undefined): void {
  const value = Array.isArray(given) ? given[0] : given;
  if (!configured || !value || !timingSafeEqual(digest(configured), digest(value))) {
    throw new UnauthorizedException('Missing or wrong X-Inbound-Secret');
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
