import type { CaseKind } from '@app/domain';
import { trackingUrl } from '../customer-links';
import { MailDraft, MailSettings } from '../mail-content';
import { filingFields } from './filing-fields';
import { CASE_KIND_NAMES, spanishDate } from '../spanish-format';

export interface FilingAcknowledgementData {
  filingNumber: string;
  verificationCode: string;
  kind: CaseKind;
  subject: string;
  filedAt: string;
  dueAt: string;
  legalTermDays: number;
  /** Filed by the customer on the web, not typified yet: the message says it will be reviewed (never a typology it lacks). */
  awaitingTypification?: boolean;
}

const REVIEW_NOTICE = 'Un asesor revisará su solicitud para clasificarla y darle el trámite que corresponde; el plazo de respuesta corre desde hoy.';

/** Sent on CaseFiled: the filing number, the verification code and the date the answer is due. */
export function filingAcknowledgement(data: FilingAcknowledgementData, settings: MailSettings): MailDraft {
  const { name: kind, pronoun } = CASE_KIND_NAMES[data.kind];
  return {
    title: `Hemos radicado su ${kind}`,
    blocks: [
      { kind: 'paragraph', text: `Hemos recibido su ${kind} y ${pronoun} radicamos con el número ${data.filingNumber}.` },
      ...(data.awaitingTypification ? [{ kind: 'paragraph' as const, text: REVIEW_NOTICE }] : []),
      {
        kind: 'fields',
        fields: [
          ...filingFields(data),
          ['Fecha máxima de respuesta', `${spanishDate(data.dueAt)} (${data.legalTermDays} días hábiles, Ley 1755 de 2015)`],
        ],
      },
      { kind: 'paragraph', text: 'Con el número de radicado y el código de verificación puede consultar en cualquier momento el estado y la trazabilidad de su caso:' },
      { kind: 'link', label: 'Consultar el estado de mi caso', url: trackingUrl(settings, data.filingNumber) },
      {
        kind: 'paragraph',
        text: data.awaitingTypification
          ? 'Si desea agregar información o enviar documentos, responda a este correo sin modificar el asunto y adjúntelos.'
          : 'Si desea agregar información, responda a este correo sin modificar el asunto.',
      },
    ],
  };
}
