import { bearer } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { expectValidationError } from './support/expectations';
import { startTestApp, TestApp, validFiling } from './support/test-app';

/** Dates that are no day (2026-02-30, year 0000) and text that no one wrote (NUL, control characters, lone surrogates). */
describe('Input: real calendar dates, and text without control characters or lone surrogates', () => {
  let t: TestApp;
  let cases: CaseDriver;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    cases = new CaseDriver(t);
    caseId = (await cases.caseAt('in_progress')).caseId;
  });
  afterAll(() => t?.close());

  const file = (body: object) => t.http().post('/cases').set('Authorization', bearer('agent')).send(body);
  const get = (url: string, actor: 'agent' | 'auditor' | 'supervisor') => t.http().get(url).set('Authorization', bearer(actor));
  const NOT_A_DAY = ['2026-02-30', '2026-02-29', '2026-04-31', '0000-01-01', '0999-12-31'];

  it.each(NOT_A_DAY)('refuses consent.givenAt on %s with 400 naming it', async (day) => {
    const response = await file({ ...validFiling(), consent: { ...validFiling().consent, givenAt: `${day}T09:55:00-05:00` } });
    expectValidationError(day, response, 'consent.givenAt');
  });

  it.each(NOT_A_DAY)('refuses the date and instant query parameters on %s with 400 naming them', async (day) => {
    expectValidationError(`from=${day}`, await get(`/calendar/deadline?from=${day}T10:00:00-05:00&businessDays=15`, 'agent'), 'from');
    expectValidationError(`asOf=${day}`, await get(`/cases/${caseId}/history?asOf=${day}T10:00:00Z`, 'auditor'), 'asOf');
    expectValidationError(`report from=${day}`, await get(`/reports?from=${day}&to=2026-03-31`, 'supervisor'), 'from');
  });

  it('refuses the month 0000-03 of a monthly report', async () => {
    expectValidationError('month=0000-03', await get('/reports/monthly?month=0000-03', 'supervisor'), 'month');
  });

  it('accepts a leap day, a UTC instant and fractions of a second', async () => {
    await file({ ...validFiling(), consent: { ...validFiling().consent, givenAt: '2024-02-29T23:59:59.123456Z' } }).expect(201);
    await get('/calendar/deadline?from=2028-02-29T10:00:00-05:00&businessDays=15', 'agent').expect(200);
    await get('/reports?from=2024-02-29&to=2024-03-31', 'supervisor').expect(200);
  });

  const FORBIDDEN_EVERYWHERE = { NUL: 'Ana\u0000Rojas', BEL: 'Ana\u0007Rojas', ESC: 'Ana\u001bRojas', DEL: 'Ana\u007fRojas', C1: 'Ana\u0085Rojas', 'a lone high surrogate': 'Ana\ud800Rojas', 'a lone low surrogate': 'Ana\udc00' };

  it.each(Object.entries(FORBIDDEN_EVERYWHERE))('refuses %s in a name and in free text with 400 naming the field', async (_name, text) => {
    expectValidationError(`fullName with ${_name}`, await file({ ...validFiling(), petitioner: { ...validFiling().petitioner, fullName: text } }), 'petitioner.fullName');
    expectValidationError(`facts with ${_name}`, await file({ ...validFiling(), facts: text }), 'facts');
    expectValidationError(`attachment name with ${_name}`, await file({ ...validFiling(), attachments: [{ name: text, contentType: 'application/pdf', size: 1 }] }), 'attachments.0.name');
    expectValidationError(`message with ${_name}`, await cases.command(caseId, 'information-requests', 'backoffice', { message: text }), 'message');
  });

  it('refuses tabs and line breaks in a name, and keeps them (and characters beyond the BMP) in free text', async () => {
    for (const name of ['Ana\tRojas', 'Ana\nRojas', 'Ana\r\nRojas']) {
      expectValidationError(JSON.stringify(name), await file({ ...validFiling(), petitioner: { ...validFiling().petitioner, fullName: name } }), 'petitioner.fullName');
      expectValidationError(JSON.stringify(name), await file({ ...validFiling(), subject: name }), 'subject');
    }
    const facts = 'Primero:\tel cobro.\r\nSegundo:\nla llamada 😠 — señor Núñez';
    const filed = await file({ ...validFiling(), facts, petitioner: { ...validFiling().petitioner, fullName: 'Zoë 𝒜na Ñúñez' } }).expect(201);
    expect((await cases.history(filed.body.caseId))[0].data.facts).toBe(facts);
  });
});
