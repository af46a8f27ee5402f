import type { ResponseOutcome } from '@app/domain';
import { trackingUrl } from '../customer-links';
import { MailDraft, MailSettings } from '../mail-content';
import { spanishDate } from '../spanish-format';

export interface CaseResponseData {
  filingNumber: string;
  body: string;
  outcome: ResponseOutcome;
  counterReplyDeadline: string;
}

/** Sent on ResponseSent: the answer, whether the case is settled, and how long the customer has to reply by email or on the web. */
export function caseResponse(data: CaseResponseData, settings: MailSettings): MailDraft {
  const status =
    data.outcome === 'resolved'
      ? 'Con esta respuesta damos por atendida su solicitud.'
      : 'Su solicitud sigue en trámite: le informaremos por este medio cuando tengamos una respuesta definitiva.';
  return {
    title: 'Respuesta a su solicitud',
    blocks: [
      { kind: 'paragraph', text: 'En atención a su solicitud, le damos la siguiente respuesta:' },
      { kind: 'quote', text: data.body },
      { kind: 'paragraph', text: status },
      {
        kind: 'paragraph',
        text:
          `Si no está de acuerdo con esta respuesta, puede respondernos a este correo o en la página de su caso hasta el ${spanishDate(data.counterReplyDeadline)} ` +
          '(tres días hábiles). Después de esa fecha, comuníquese con nuestra línea de atención.',
      },
      { kind: 'link', label: 'Consultar mi caso', url: trackingUrl(settings, data.filingNumber) },
    ],
  };
}
