import { MailDraft } from '../mail-content';
import { spanishDate } from '../spanish-format';

export interface DeadlineExtensionData {
  reason: string;
  previousDueAt: string;
  dueAt: string;
}

/** Sent on DeadlineExtended (Ley 1755 de 2015, art. 14, parágrafo): the reasons and the new date, before the deadline. */
export function deadlineExtension(data: DeadlineExtensionData): MailDraft {
  return {
    title: 'Prórroga del plazo para responder su solicitud',
    blocks: [
      {
        kind: 'paragraph',
        text:
          'De conformidad con el parágrafo del artículo 14 de la Ley 1755 de 2015, le informamos que no nos es posible ' +
          `responder su solicitud dentro del plazo inicial, que vence el ${spanishDate(data.previousDueAt)}, por las siguientes razones:`,
      },
      { kind: 'quote', text: data.reason },
      { kind: 'paragraph', text: `Le daremos respuesta a más tardar el ${spanishDate(data.dueAt)}.` },
    ],
  };
}
