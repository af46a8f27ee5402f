import { Link } from 'wouter';
import type { FilingReceipt } from '../api/contract';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../format/dates';

/** What the customer keeps after filing: the filing number and the code that opens the case. */
export function FilingReceiptView({ receipt }: { receipt: FilingReceipt }) {
  return (
    <>
      <PageHeading>Su solicitud fue radicada</PageHeading>
      <p>Guarde estos datos: con ellos consulta su caso. También se los enviamos por correo electrónico.</p>
      <dl className="summary receipt">
        <div>
          <dt>Número de radicado</dt>
          <dd className="key" data-testid="filing-number">{receipt.filingNumber}</dd>
        </div>
        <div>
          <dt>Código de verificación</dt>
          <dd className="key" data-testid="verification-code">{receipt.verificationCode}</dd>
        </div>
        <div>
          <dt>Radicada el</dt>
          <dd>{formatDateTime(receipt.filedAt)}</dd>
        </div>
        <div>
          <dt>Fecha límite de respuesta</dt>
          <dd>{formatDateTime(receipt.dueAt)}</dd>
        </div>
      </dl>
      <p>
        <Link href={`/casos/${encodeURIComponent(receipt.filingNumber)}`} className="button-link">
          Consultar el caso
        </Link>
      </p>
    </>
  );
}
