/**
 * What kind of rule a domain error breaks; the HTTP layer maps it to a status
 * (not_found 404, forbidden 403, conflict 409, rule 422).
 */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'rule';

export class DomainError extends Error {
  constructor(
    /** Stable, documented code such as `CASE.WRONG_STATUS`. */
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
