import { caseKindLabel, CUSTOMER_CASE_KINDS, DOCUMENT_TYPE_NAMES, DOCUMENT_TYPES } from '@app/domain';
import type { AppConfig } from '@app/runtime';
import { FILING_LIMITS } from '../file-case/file-case.dto';
import type { FilingFormDto } from './web-filing.dto';

/** Until the pages take attachments (a later issue), documents reach the case as a reply to the acknowledgement. */
export const DOCUMENTS_BY_EMAIL =
  'Por ahora este formulario no recibe archivos. Si quiere enviar documentos, responda al correo de confirmación que le enviaremos al radicar, sin cambiar el asunto, y adjúntelos allí.';

/** The policy text when PRIVACY_POLICY_TEXT is unset: what a petitioner is told under Ley 1581 de 2012, art. 12. */
export function defaultPrivacyPolicy(companyName: string): string {
  return (
    `${companyName} tratará los datos personales que usted registre (nombre, documento, correo electrónico y teléfono) ` +
    'para radicar, tramitar y responder su solicitud, enviarle notificaciones sobre ella y medir la satisfacción con la atención, ' +
    'conforme a la Ley 1581 de 2012 y el Decreto 1377 de 2013. Sus datos no se entregan a terceros, salvo cuando la ley lo exige ' +
    'o cuando su solicitud debe trasladarse a la entidad competente (Ley 1755 de 2015, art. 21). Usted puede conocer, actualizar, ' +
    'rectificar y suprimir sus datos, y revocar esta autorización, por cualquiera de nuestros canales de atención.'
  );
}

/** What the web form needs to be drawn: the choices with their Spanish labels, the policy, the limits. */
export function filingForm(config: AppConfig): FilingFormDto {
  const { fullName, company, documentNumber, email, phone, subject, facts, request } = FILING_LIMITS;
  return {
    kinds: CUSTOMER_CASE_KINDS.map((value) => ({ value, label: caseKindLabel(value) })),
    documentTypes: DOCUMENT_TYPES.map((value) => ({ value, label: DOCUMENT_TYPE_NAMES[value] })),
    privacyPolicy: { version: config.PRIVACY_POLICY_VERSION, text: config.PRIVACY_POLICY_TEXT ?? defaultPrivacyPolicy(config.MAIL_COMPANY_NAME) },
    limits: { fullName, company, documentNumber, email, phone, subject, facts, request },
    documentsByEmail: DOCUMENTS_BY_EMAIL,
  };
}
