import { MailDraft, MailSettings } from '../mail-content';
import { spanishDate } from '../spanish-format';

export interface LateCounterReplyData {
  filingNumber: string;
  counterReplyDeadline: string;
}

/** The automatic answer to an email that arrives after the 3-business-day window: call the service line or file anew. */
export function lateCounterReply(data: LateCounterReplyData, settings: MailSettings): MailDraft {
  return {
    title: 'Hemos recibido su mensaje',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `Hemos recibido su mensaje sobre el caso ${data.filingNumber} y lo dejamos registrado en el caso. El plazo para ` +
          `responder por correo electrónico venció el ${spanishDate(data.counterReplyDeadline)}.`,
      },
      {
        kind: 'paragraph',
        text:
          `Si desea continuar con este asunto, comuníquese con nuestra línea de atención ${settings.serviceLine}, o presente ` +
          `una nueva solicitud citando el número ${data.filingNumber}.`,
      },
    ],
  };
}
