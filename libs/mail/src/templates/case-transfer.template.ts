import { MailDraft } from '../mail-content';

export interface CaseTransferData {
  entity: string;
  reason: string;
}

/** Sent on CaseTransferred (Ley 1755 de 2015, art. 21): to whom the case went and why. */
export function caseTransfer(data: CaseTransferData): MailDraft {
  return {
    title: 'Traslado de su solicitud a la entidad competente',
    blocks: [
      {
        kind: 'paragraph',
        text:
          'De acuerdo con el artículo 21 de la Ley 1755 de 2015, le informamos que su solicitud no es de nuestra competencia ' +
          `y la hemos trasladado a ${data.entity}, que es la entidad competente para atenderla, por la siguiente razón:`,
      },
      { kind: 'quote', text: data.reason },
      { kind: 'paragraph', text: `En adelante, ${data.entity} le responderá directamente.` },
    ],
  };
}
