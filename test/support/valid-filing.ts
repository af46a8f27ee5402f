import { randomInt } from 'node:crypto';

/**
 * A petitioner no other call shares (one issue, one case, ADR 42): a second billing claim of one
 * petitioner while the first is open is 409 CASE.OPEN_CASE_EXISTS. A test that needs one petitioner
 * twice passes its own `petitioner` (and `distinctMatter: true` for two open cases of one typology).
 */
export function freshPetitionerKeys(): { documentNumber: string; email: string } {
  const documentNumber = String(randomInt(1_000_000_000, 10_000_000_000));
  return { documentNumber, email: `maria.rojas.${documentNumber}@example.com` };
}

/** A valid `POST /cases` body (a claim filed by phone) of a fresh petitioner each call: tests and benchmarks start from it. */
export const validFiling = () => ({
  kind: 'claim',
  typology: 'billing',
  motive: 'duplicate-charge',
  channel: 'phone',
  subject: 'Cobro duplicado en la factura de febrero',
  facts: 'El 15 de febrero de 2026 se cobró dos veces el plan.',
  request: 'Reversar el cobro duplicado',
  petitioner: {
    fullName: 'María Fernanda Rojas',
    documentType: 'CC',
    ...freshPetitionerKeys(),
    phone: '+57 300 123 4567',
  },
  consent: { givenAt: '2026-03-02T09:55:00-05:00', channel: 'phone', policyVersion: '2026-01' },
});

/** A valid `POST /public/cases` body: the same claim as the customer files it on the web form (no typification). */
export const validWebFiling = () => ({
  kind: 'claim',
  fullName: 'María Fernanda Rojas',
  documentType: 'CC',
  documentNumber: '1020304050',
  email: 'maria.rojas@example.com',
  phone: '+57 300 123 4567',
  subject: 'Cobro duplicado en la factura de febrero',
  facts: 'El 15 de febrero de 2026 se cobró dos veces el plan.',
  request: 'Reversar el cobro duplicado',
  consent: { accepted: true, policyVersion: '2026-01' },
});
