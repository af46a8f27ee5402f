import { createHash } from 'node:crypto';

/** SHA-256 of a customer's verification code, as the case view and the timeline keep it (never the code itself). */
export function hashVerificationCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}
