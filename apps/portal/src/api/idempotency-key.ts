/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only in secure contexts (https, localhost):
 * a portal opened over plain http on another host gets an equally random key from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
