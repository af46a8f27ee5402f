/** The filing form's labels by the API's field name (the page shows them; a 400 names fields by them). */
export const FILING_LABELS = {
  kind: 'Tipo de solicitud',
  fullName: 'Nombre completo',
  company: 'Empresa (opcional)',
  documentType: 'Tipo de documento',
  documentNumber: 'Número de documento',
  email: 'Correo electrónico',
  phone: 'Teléfono (opcional)',
  relatedFilingNumber: 'Número de radicado anterior (opcional)',
  subject: 'Asunto',
  facts: 'Hechos',
  request: 'Lo que solicita',
  consent: 'Acepto la política de tratamiento de datos personales',
  website: 'Sitio web',
} as const;

export type FilingField = keyof typeof FILING_LABELS;
