import type { CaseKind, Channel, DocumentType } from './case-kind';

/** What the customer calls each kind of case (docs/domain.md's glossary), with the object pronoun that agrees with it. */
export const CASE_KIND_NAMES: Record<CaseKind, { name: string; pronoun: 'lo' | 'la' }> = {
  petition: { name: 'petición', pronoun: 'la' },
  complaint: { name: 'queja', pronoun: 'la' },
  claim: { name: 'reclamo', pronoun: 'lo' },
  suggestion: { name: 'sugerencia', pronoun: 'la' },
  report: { name: 'denuncia', pronoun: 'la' },
  inquiry: { name: 'consulta', pronoun: 'la' },
  formal_petition: { name: 'derecho de petición', pronoun: 'lo' },
  document_request: { name: 'solicitud de documentos', pronoun: 'la' },
};

/** A kind as a form's option shows it: "Petición", "Derecho de petición". */
export function caseKindLabel(kind: CaseKind): string {
  const { name } = CASE_KIND_NAMES[kind];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Each identity document type by its name in Colombia. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  CC: 'Cédula de ciudadanía',
  CE: 'Cédula de extranjería',
  TI: 'Tarjeta de identidad',
  NIT: 'NIT',
  PA: 'Pasaporte',
  PPT: 'Permiso por protección temporal',
  RC: 'Registro civil de nacimiento',
};

/** Each channel as a person says it in Spanish. */
export const CHANNEL_NAMES: Record<Channel, string> = {
  phone: 'telefónico',
  chat: 'de chat',
  email: 'de correo electrónico',
  web: 'web',
  in_person: 'presencial',
  letter: 'escrito (carta)',
  regulator: 'de traslado de un ente de control',
};
