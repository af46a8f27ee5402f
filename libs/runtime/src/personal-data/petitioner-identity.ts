import { createHmac } from 'node:crypto';
import { loadOrCreateSecret } from '../storage/data-dir-secret';

export const PETITIONER_ID_SECRET_FILE = 'petitioner-id-secret';

/**
 * The pseudonymous petitioner id: HMAC-SHA256 of `documentType:documentNumber` (normalised) under a
 * secret of the deployment. Stable, so that every case of one person shares it (and one key); not
 * personal data by itself, since without the secret it cannot be recomputed from a document number.
 */
export class PetitionerIdentity {
  constructor(private readonly secret: string) {}

  static fromDataDir(dataDir: string, configured?: string): PetitionerIdentity {
    return new PetitionerIdentity(loadOrCreateSecret(dataDir, PETITIONER_ID_SECRET_FILE, configured));
  }

  idOf(petitioner: { documentType: string; documentNumber: string }): string {
    const document = `${petitioner.documentType.trim().toUpperCase()}:${petitioner.documentNumber.replace(/[\s-]/g, '').toUpperCase()}`;
    return createHmac('sha256', this.secret).update(document, 'utf8').digest('hex');
  }

  /**
   * The keyed hash of an email address (trimmed, lowercased), under the same secret: what the case
   * search matches an email on, so the address itself is never an indexed field. The `email:` prefix
   * keeps it apart from every document's id.
   */
  emailIdOf(email: string): string {
    return createHmac('sha256', this.secret).update(`email:${email.trim().toLowerCase()}`, 'utf8').digest('hex');
  }
}

/** 64 lowercase hex digits: what idOf returns. */
export const PETITIONER_ID_PATTERN = /^[0-9a-f]{64}$/;
