import { claimAt, OidcSettings } from '@app/runtime';

/** What the directory records of a user an OIDC token creates: how colleagues see them and their work email. */
export interface ExternalProfile {
  displayName: string;
  email: string;
}

const MAX_NAME = 200;
const MAX_EMAIL = 254;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Control characters and lone surrogates: never part of a name (the directory's own rule for names). */
const UNPRINTABLE = /[\x00-\x1F\x7F-\x9F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The display name and email from the token's claims: the configured claims first, then the
 * standard fallbacks (`preferred_username`, then the email, then the subject, for the name; Entra
 * ID's `upn` for the email); an email that is not one is left empty rather than recorded wrong.
 */
export function profileFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'nameClaim' | 'emailClaim'>, subject: string): ExternalProfile {
  const email = [claimAt(claims, settings.emailClaim), claims.upn].map(text).find((value) => value.length <= MAX_EMAIL && EMAIL.test(value)) ?? '';
  const displayName = [claimAt(claims, settings.nameClaim), claims.preferred_username, email, subject].map(text).find((value) => value.length > 0) ?? subject;
  return { displayName: displayName.slice(0, MAX_NAME), email };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(UNPRINTABLE, '').trim() : '';
}
