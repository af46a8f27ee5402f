import type { CaseKind } from '@app/domain';
import { surveyUrl, trackingUrl } from '../customer-links';
import { MailDraft, MailSettings } from '../mail-content';
import { filingFields } from './filing-fields';
import { CASE_KIND_NAMES } from '../spanish-format';

export interface FirstLineResolutionData {
  filingNumber: string;
  verificationCode: string;
  kind: CaseKind;
  subject: string;
  filedAt: string;
  /** What the agent answered on the spot (CaseResolvedAtFirstLine). */
  resolution: string;
}

/**
 * Sent on CaseFiled instead of the acknowledgement when the agent resolved the request during the
 * contact (CaseResolvedAtFirstLine, same command): it is resolved, so no due date is promised.
 */
export function firstLineResolution(data: FirstLineResolutionData, settings: MailSettings): MailDraft {
  const { name: kind, pronoun } = CASE_KIND_NAMES[data.kind];
  const resolved = pronoun === 'la' ? 'resuelta' : 'resuelto';
  return {
    title: `Hemos resuelto su ${kind}`,
    blocks: [
      {
        kind: 'paragraph',
        text: `Hemos registrado su ${kind} con el número ${data.filingNumber} y ${pronoun} resolvimos durante su contacto con nosotros. Esta es la respuesta que le dimos:`,
      },
      { kind: 'quote', text: data.resolution },
      {
        kind: 'fields',
        fields: [
          ...filingFields(data),
          ['Estado', `${resolved[0].toUpperCase()}${resolved.slice(1)} en primera línea`],
        ],
      },
      { kind: 'paragraph', text: 'Nos gustaría conocer su opinión sobre la atención recibida. Responder la encuesta le tomará menos de un minuto:' },
      { kind: 'link', label: 'Responder la encuesta de satisfacción', url: surveyUrl(settings, data.filingNumber) },
      { kind: 'paragraph', text: 'Con el número de radicado y el código de verificación puede consultar en cualquier momento la trazabilidad de su caso:' },
      { kind: 'link', label: 'Consultar mi caso', url: trackingUrl(settings, data.filingNumber) },
      {
        kind: 'paragraph',
        text: `Si la respuesta no atiende por completo su solicitud, puede presentar una nueva solicitud citando el número ${data.filingNumber}.`,
      },
    ],
  };
}
