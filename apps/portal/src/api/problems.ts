import type { ApiError } from './contract';

/** What a page shows when the API refused: one sentence for the alert, and a reason per field (Spanish). */
export interface Problem {
  message: string;
  fields: Record<string, string>;
}

export const WRONG_CODE = 'El número de radicado o el código de verificación no coinciden.';
export const TOO_MANY_ATTEMPTS = 'Demasiados intentos. Espere un minuto e intente de nuevo.';
export const UNAVAILABLE = 'El servicio no está disponible en este momento. Intente de nuevo más tarde.';

const MESSAGES_BY_CODE: Record<string, string> = {
  'CASE.SURVEY_ALREADY_ANSWERED': 'La encuesta de este caso ya fue respondida.',
  'CASE.WRONG_STATUS': 'El caso no admite esta acción en su estado actual. Consulte el caso de nuevo.',
};

/** class-validator's English reasons, as the customer reads them. */
const REASONS: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/shorter than or equal to (\d+)/, (match) => `debe tener como máximo ${match[1]} caracteres`],
  [/longer than or equal to (\d+)/, (match) => `debe tener al menos ${match[1]} caracteres`],
  [/must be an email/, () => 'debe ser un correo electrónico válido'],
  [/should not be empty|must be a string|is required|must be defined/, () => 'es obligatorio'],
  [/must be one of|must be a valid enum/, () => 'no es una opción válida'],
  [/should not exist/, () => 'no se admite'],
  [/must match/, () => 'no tiene el formato esperado'],
];

export function spanishReason(reason: string): string {
  for (const [pattern, say] of REASONS) {
    const match = reason.match(pattern);
    if (match) return say(match);
  }
  return 'no es válido';
}

function fieldReasons(details: ApiError['details'], labels: Record<string, string>): Record<string, string> {
  if (!Array.isArray(details)) return {};
  const fields: Record<string, string> = {};
  for (const { field, reason } of details) {
    const name = field.split('.')[0];
    if (!fields[name]) fields[name] = `${labels[name] ?? name}: ${spanishReason(reason)}`;
  }
  return fields;
}

export interface ProblemOptions {
  /** The Spanish label of each field the call sends, to name it in a 400's reasons. */
  labels?: Record<string, string>;
  /** A lookup: a malformed filing number or code cannot match either, so a 400 reads as a wrong code. */
  lookup?: boolean;
}

/** The problem to show for a refused call; a 404 from a public route means the filing number and code do not match. */
export function problemOf(status: number, error: ApiError | undefined, options: ProblemOptions = {}): Problem {
  if (status === 429) return { message: TOO_MANY_ATTEMPTS, fields: {} };
  if (status === 404 || (status === 400 && options.lookup)) return { message: WRONG_CODE, fields: {} };
  if (status === 400) {
    const fields = fieldReasons(error?.details, options.labels ?? {});
    const reasons = Object.values(fields);
    return { message: reasons.length > 0 ? `Revise estos datos. ${reasons.join('. ')}.` : 'Revise los datos del formulario.', fields };
  }
  const known = error?.code ? MESSAGES_BY_CODE[error.code] : undefined;
  return { message: known ?? UNAVAILABLE, fields: {} };
}

/** A call that never got an answer (no network, the server down). */
export const NETWORK_PROBLEM: Problem = { message: UNAVAILABLE, fields: {} };
