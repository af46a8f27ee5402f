import { MailDraft } from '../mail-content';
import { spanishDate } from '../spanish-format';

export interface TacitWithdrawalData {
  filingNumber: string;
  /** When the information was asked for: the term the customer let pass ran from then. */
  informationRequestedAt: string;
  /** The last day the customer had to complete the petition. */
  dueAt: string;
  withdrawnAt: string;
}

/** Business days to file a recurso de reposición after the notification (Ley 1437 de 2011, CPACA, art. 76). */
export const REPOSITION_APPEAL_BUSINESS_DAYS = 10;

/**
 * Sent on CaseWithdrawn (Ley 1755 de 2015, art. 17): the tacit withdrawal is a reasoned decision,
 * notified to the petitioner — why, since when, how to contest it, and that they may file again.
 */
export function tacitWithdrawal(data: TacitWithdrawalData): MailDraft {
  return {
    title: 'Desistimiento tácito de su solicitud',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `Le informamos que su solicitud radicada con el número ${data.filingNumber} se entiende desistida y se archiva, ` +
          'de acuerdo con el artículo 17 de la Ley 1755 de 2015, por la siguiente razón:',
      },
      {
        kind: 'paragraph',
        text:
          `El ${spanishDate(data.informationRequestedAt)} le solicitamos información necesaria para atender su solicitud. ` +
          `El plazo para completarla venció el ${spanishDate(data.dueAt)} sin que la recibiéramos.`,
      },
      {
        kind: 'fields',
        fields: [
          ['Número de radicado', data.filingNumber],
          ['Solicitud de información', spanishDate(data.informationRequestedAt)],
          ['Vencimiento del plazo para completarla', spanishDate(data.dueAt)],
          ['Fecha de esta decisión', spanishDate(data.withdrawnAt)],
        ],
      },
      {
        kind: 'paragraph',
        text:
          'Contra esta decisión procede únicamente el recurso de reposición, que puede presentar por escrito dentro de los ' +
          `diez (${REPOSITION_APPEAL_BUSINESS_DAYS}) días hábiles siguientes a la notificación de este mensaje ` +
          '(artículo 17 de la Ley 1755 de 2015 y artículo 76 de la Ley 1437 de 2011), respondiendo a este correo o por cualquiera de nuestros canales de atención.',
      },
      {
        kind: 'paragraph',
        text: `Esta decisión no le impide presentar de nuevo su solicitud con la información completa: puede radicar una nueva solicitud citando el número ${data.filingNumber}.`,
      },
    ],
  };
}
