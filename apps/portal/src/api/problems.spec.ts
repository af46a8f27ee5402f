import { problemOf, spanishReason, TOO_MANY_ATTEMPTS, UNAVAILABLE, WRONG_CODE } from './problems';

const error = (statusCode: number, code: string, details?: { field: string; reason: string }[]) => ({ statusCode, code, message: 'for people', details });

describe('what the portal tells the customer when the API refuses', () => {
  it('says the filing number and code do not match for a 404, and for a malformed lookup', () => {
    expect(problemOf(404, error(404, 'CASE.NOT_FOUND')).message).toBe(WRONG_CODE);
    expect(problemOf(400, error(400, 'VALIDATION.FAILED', [{ field: 'code', reason: 'code must match /^[A-Za-z0-9]{4,12}$/' }]), { lookup: true })).toEqual({ message: WRONG_CODE, fields: {} });
  });

  it('asks to wait a minute when throttled', () => {
    expect(problemOf(429, error(429, 'REQUEST.TOO_MANY')).message).toBe(TOO_MANY_ATTEMPTS);
  });

  it('names each refused field by its label, with the reason in Spanish, in the alert and under the field', () => {
    const problem = problemOf(
      400,
      error(400, 'VALIDATION.FAILED', [
        { field: 'subject', reason: 'subject must be shorter than or equal to 200 characters' },
        { field: 'email', reason: 'email must be an email' },
        { field: 'consent.accepted', reason: 'consent.accepted should not be empty' },
      ]),
      { labels: { subject: 'Asunto', email: 'Correo electrónico', consent: 'Acepto la política' } },
    );
    expect(problem.fields).toEqual({
      subject: 'Asunto: debe tener como máximo 200 caracteres',
      email: 'Correo electrónico: debe ser un correo electrónico válido',
      consent: 'Acepto la política: es obligatorio',
    });
    expect(problem.message).toBe(
      'Revise estos datos. Asunto: debe tener como máximo 200 caracteres. Correo electrónico: debe ser un correo electrónico válido. Acepto la política: es obligatorio.',
    );
  });

  it('says a reason it does not know as "no es válido", never in English', () => {
    expect(spanishReason('something unheard of')).toBe('no es válido');
  });

  it('explains the case rules it knows, and an outage for anything else', () => {
    expect(problemOf(409, error(409, 'CASE.SURVEY_ALREADY_ANSWERED')).message).toBe('La encuesta de este caso ya fue respondida.');
    expect(problemOf(503, error(503, 'STORE.UNAVAILABLE')).message).toBe(UNAVAILABLE);
    expect(problemOf(500, undefined).message).toBe(UNAVAILABLE);
  });
});
