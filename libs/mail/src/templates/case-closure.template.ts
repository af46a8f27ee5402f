import { surveyUrl } from '../customer-links';
import { MailDraft, MailSettings } from '../mail-content';

export interface CaseClosureData {
  filingNumber: string;
}

/** Sent on CaseClosed: the case is closed, and an invitation to the satisfaction survey. */
export function caseClosure(data: CaseClosureData, settings: MailSettings): MailDraft {
  return {
    title: 'Su caso ha sido cerrado',
    blocks: [
      { kind: 'paragraph', text: `Le informamos que su caso radicado con el número ${data.filingNumber} ha sido cerrado.` },
      { kind: 'paragraph', text: 'Nos gustaría conocer su opinión sobre la atención recibida. Responder la encuesta le tomará menos de un minuto:' },
      { kind: 'link', label: 'Responder la encuesta de satisfacción', url: surveyUrl(settings, data.filingNumber) },
      {
        kind: 'paragraph',
        text: `Si tiene una nueva inquietud sobre este asunto, puede presentar una nueva solicitud citando el número ${data.filingNumber}.`,
      },
    ],
  };
}
