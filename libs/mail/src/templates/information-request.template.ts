import { trackingUrl } from '../customer-links';
import { MailDraft, MailSettings } from '../mail-content';
import { spanishDate } from '../spanish-format';

export interface InformationRequestData {
  filingNumber: string;
  /** What the backoffice agent asks for, as written. */
  message: string;
  /** Art. 17: only a request within 10 business days of filing suspends the term to answer. Absent: suspended (v1). */
  suspendsLegalTerm?: boolean;
  /** The end of the art. 17 date (tacit withdrawal); null or absent for a request recorded before issue 22. */
  tacitWithdrawalAt?: string | null;
  /** The company's silence rule (cases outside Ley 1755 only): the case closes after this instant. */
  customerSilenceDueAt?: string | null;
}

/** Sent on InformationRequested (Ley 1755 de 2015, art. 17): what is missing and the real date the case closes if it never arrives. */
export function informationRequest(data: InformationRequestData, settings: MailSettings): MailDraft {
  const suspends = data.suspendsLegalTerm ?? true;
  return {
    title: 'Necesitamos información adicional para atender su solicitud',
    blocks: [
      { kind: 'paragraph', text: 'Para dar respuesta de fondo a su solicitud necesitamos que nos envíe la siguiente información:' },
      { kind: 'quote', text: data.message },
      {
        kind: 'paragraph',
        text: suspends
          ? 'Puede enviarla respondiendo a este correo o en la página de su caso, con su código de verificación. El término para ' +
            'responderle queda suspendido mientras tanto y se reanudará el día siguiente a aquel en que recibamos la información.'
          : 'Puede enviarla respondiendo a este correo o en la página de su caso, con su código de verificación. El término para ' +
            'responderle no se suspende por esta solicitud.',
      },
      { kind: 'link', label: 'Enviar la información en la página de mi caso', url: trackingUrl(settings, data.filingNumber) },
      { kind: 'paragraph', text: closingText(data) },
    ],
  };
}

function closingText({ tacitWithdrawalAt, customerSilenceDueAt }: InformationRequestData): string {
  if (customerSilenceDueAt) {
    return (
      `Si no la recibimos a más tardar el ${spanishDate(customerSilenceDueAt)}, cerraremos su solicitud sin respuesta de fondo, ` +
      'sin perjuicio de que pueda presentarla de nuevo.'
    );
  }
  if (tacitWithdrawalAt) {
    return (
      `Tiene plazo hasta el ${spanishDate(tacitWithdrawalAt)} para enviarla, y puede pedirnos, por cualquiera de nuestros canales, ` +
      'un (1) mes más antes de esa fecha. Si no la recibimos en ese plazo, entenderemos que ha desistido de su solicitud ' +
      '(artículo 17 de la Ley 1755 de 2015), sin perjuicio de que pueda presentarla de nuevo.'
    );
  }
  return (
    'Cuenta con un (1) mes para enviarla. Si no la recibimos en ese plazo, entenderemos que ha desistido de su ' +
    'solicitud (artículo 17 de la Ley 1755 de 2015), sin perjuicio de que pueda presentarla de nuevo.'
  );
}
