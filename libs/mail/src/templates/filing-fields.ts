import { spanishDateTime } from '../spanish-format';

/** What identifies a filing in every message about it: the numbers to track it, its subject and when it was filed. */
export function filingFields(data: { filingNumber: string; verificationCode: string; subject: string; filedAt: string }): [string, string][] {
  return [
    ['Número de radicado', data.filingNumber],
    ['Código de verificación', data.verificationCode],
    ['Asunto', data.subject],
    ['Fecha de radicación', spanishDateTime(data.filedAt)],
  ];
}
