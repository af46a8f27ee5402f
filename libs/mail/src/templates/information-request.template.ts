import { MailDraft } from '../mail-content';

export interface InformationRequestData {
  /** What the backoffice agent asks for, as written. */
  message: string;
}

/** Sent on InformationRequested (Ley 1755 de 2015, art. 17): what is missing and what happens if it never arrives. */
export function informationRequest(data: InformationRequestData): MailDraft {
  return {
    title: 'Necesitamos información adicional para atender su solicitud',
    blocks: [
      { kind: 'paragraph', text: 'Para dar respuesta de fondo a su solicitud necesitamos que nos envíe la siguiente información:' },
      { kind: 'quote', text: data.message },
      {
        kind: 'paragraph',
        text:
          'Puede enviarla respondiendo a este correo. El término para responderle queda suspendido mientras tanto y se ' +
          'reanudará el día siguiente a aquel en que recibamos la información.',
      },
      {
        kind: 'paragraph',
        text:
          'Cuenta con un (1) mes para enviarla. Si no la recibimos en ese plazo, entenderemos que ha desistido de su ' +
          'solicitud (artículo 17 de la Ley 1755 de 2015), sin perjuicio de que pueda presentarla de nuevo.',
      },
    ],
  };
}
