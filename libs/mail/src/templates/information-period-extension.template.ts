import type { Channel } from '@app/domain';
import { MailDraft } from '../mail-content';
import { spanishDate } from '../spanish-format';

export interface InformationPeriodExtensionData {
  channel: Channel;
  previousTacitWithdrawalAt: string;
  tacitWithdrawalAt: string;
}

/** How the customer reached us, as they would say it. */
const CHANNEL_NAMES: Record<Channel, string> = {
  phone: 'nuestra línea telefónica',
  chat: 'nuestro chat',
  email: 'correo electrónico',
  web: 'nuestro formulario web',
  in_person: 'atención presencial',
  letter: 'comunicación escrita',
  regulator: 'la entidad que nos trasladó su solicitud',
};

/** Sent on InformationPeriodExtended (Ley 1755 de 2015, art. 17): the extra month the customer asked for, and the new date. */
export function informationPeriodExtension(data: InformationPeriodExtensionData): MailDraft {
  return {
    title: 'Ampliamos el plazo para enviar la información solicitada',
    blocks: [
      {
        kind: 'paragraph',
        text:
          `Atendiendo la solicitud que nos hizo por ${CHANNEL_NAMES[data.channel]}, ampliamos en un (1) mes el plazo para que nos envíe ` +
          `la información que le pedimos (artículo 17 de la Ley 1755 de 2015). El plazo, que vencía el ${spanishDate(data.previousTacitWithdrawalAt)}, ` +
          `vence ahora el ${spanishDate(data.tacitWithdrawalAt)}.`,
      },
      {
        kind: 'paragraph',
        text:
          'Puede enviarla respondiendo a este correo. Si no la recibimos a más tardar ese día, entenderemos que ha desistido de su ' +
          'solicitud, sin perjuicio de que pueda presentarla de nuevo. Este plazo no puede ampliarse otra vez.',
      },
    ],
  };
}
