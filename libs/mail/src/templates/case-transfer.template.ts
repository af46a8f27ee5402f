import { MailDraft } from '../mail-content';
import { spanishDate } from '../spanish-format';

export interface CaseTransferData {
  entity: string;
  reason: string;
  /** Where the petition was sent (null for transfers recorded before the address was: schema v1). */
  entityEmail?: string | null;
}

/** Sent on CaseTransferred (Ley 1755 de 2015, art. 21): the copy to the petitioner, to whom the case went and why. */
export function caseTransfer(data: CaseTransferData): MailDraft {
  const sentTo = data.entityEmail ? ` Le enviamos su petición a la dirección ${data.entityEmail}.` : '';
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
      { kind: 'paragraph', text: `En adelante, ${data.entity} le responderá directamente.${sentTo}` },
    ],
  };
}

/**
 * What the staff member in contact with the petitioner reads to them when the petition was verbal
 * (art. 21: "se informará de inmediato al interesado si este actúa verbalmente").
 */
export function transferNoticeToRead(data: CaseTransferData): string {
  const sentTo = data.entityEmail ? ` a la dirección ${data.entityEmail}` : '';
  return (
    'Su solicitud no es de nuestra competencia. ' +
    `De acuerdo con el artículo 21 de la Ley 1755 de 2015, la trasladamos a ${data.entity}, que es la entidad competente, por esta razón: ${data.reason}. ` +
    `Le enviamos su petición${sentTo}, y ${data.entity} le responderá directamente. Recibirá copia de este traslado en su correo electrónico.`
  );
}

/** The petition as the competent entity receives it: the filing's subject, facts and request, and who to answer. */
export interface PetitionTransferData {
  entity: string;
  reason: string;
  transferredAt: string;
  filingNumber: string;
  filedAt: string;
  channel: string;
  subject: string;
  facts: string;
  request: string;
  petitioner: { fullName: string; documentType: string; documentNumber: string; email: string; phone?: string; address?: string; company?: string };
  attachmentNames: string[];
}

/**
 * Sent on CaseTransferred to the competent entity's address (art. 21: "remitirá la petición al
 * competente y enviará copia del oficio remisorio al peticionario"). It carries the petitioner's data
 * the entity needs to answer them, and nothing of the company's internal handling.
 */
export function petitionTransfer(data: PetitionTransferData): MailDraft {
  const { petitioner } = data;
  const contact: Array<[string, string]> = [
    ['Nombre', petitioner.fullName],
    ['Documento', `${petitioner.documentType} ${petitioner.documentNumber}`],
    ['Correo electrónico', petitioner.email],
  ];
  if (petitioner.phone) contact.push(['Teléfono', petitioner.phone]);
  if (petitioner.address) contact.push(['Dirección', petitioner.address]);
  if (petitioner.company) contact.push(['Empresa', petitioner.company]);
  const blocks: MailDraft['blocks'] = [
    {
      kind: 'paragraph',
      text:
        'De acuerdo con el artículo 21 de la Ley 1755 de 2015, remitimos a ustedes por competencia la petición que se describe a continuación, ' +
        `recibida por nosotros el ${spanishDate(data.filedAt)}, por la siguiente razón:`,
    },
    { kind: 'quote', text: data.reason },
    {
      kind: 'fields',
      fields: [
        ['Nuestro número de radicado', data.filingNumber],
        ['Fecha de radicación', spanishDate(data.filedAt)],
        ['Canal de recepción', data.channel],
        ['Fecha del traslado', spanishDate(data.transferredAt)],
      ],
    },
    { kind: 'paragraph', text: 'Peticionario (datos personales tratados conforme a la Ley 1581 de 2012, solo para atender esta petición):' },
    { kind: 'fields', fields: contact },
    { kind: 'fields', fields: [['Asunto', data.subject]] },
    { kind: 'paragraph', text: 'Hechos:' },
    { kind: 'quote', text: data.facts },
    { kind: 'paragraph', text: 'Solicitud:' },
    { kind: 'quote', text: data.request },
  ];
  if (data.attachmentNames.length > 0) blocks.push({ kind: 'fields', fields: [['Anexos recibidos con la petición', data.attachmentNames.join(', ')]] });
  blocks.push({ kind: 'paragraph', text: 'Enviamos copia de este traslado al peticionario. De acuerdo con el mismo artículo, el término para responder se cuenta a partir del día siguiente a la recepción de esta petición por ustedes.' });
  return {
    title: `Traslado por competencia de la petición radicada con el número ${data.filingNumber}`,
    greeting: `Señores ${data.entity}:`,
    closing: `Este traslado corresponde a la petición que radicamos con el número ${data.filingNumber}; cítelo en cualquier comunicación con nosotros sobre ella.`,
    blocks,
  };
}
