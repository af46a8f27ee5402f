import { Link } from 'wouter';
import type { FilingReceipt } from '../api/contract';
import { PageHeading } from '../components/page-heading';
import { Summary } from '../components/summary';
import { formatDateTime } from '../format/dates';

/** What the customer keeps after filing: the filing number and the code that opens the case. */
export function FilingReceiptView({ receipt }: { receipt: FilingReceipt }) {
  return (
    <>
      <PageHeading>Su solicitud fue radicada</PageHeading>
      <p>Guarde estos datos: con ellos consulta su caso. También se los enviamos por correo electrónico.</p>
      <Summary
        className="summary receipt"
        items={[
          { term: 'Número de radicado', value: receipt.filingNumber, testId: 'filing-number', className: 'key' },
          { term: 'Código de verificación', value: receipt.verificationCode, testId: 'verification-code', className: 'key' },
          { term: 'Radicada el', value: formatDateTime(receipt.filedAt) },
          { term: 'Fecha límite de respuesta', value: formatDateTime(receipt.dueAt) },
        ]}
      />
      <p>
        <Link href={`/casos/${encodeURIComponent(receipt.filingNumber)}`} className="button-link">
          Consultar el caso
        </Link>
      </p>
    </>
  );
}
