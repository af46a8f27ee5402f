import { BusinessCalendar } from '../calendar';
import { DomainError } from '../shared/domain-error';
import { foldEvents } from '../shared/decider';
import { actors, command, consent, fileClaimCommand, HISTORIES, march2026 } from '../testing/case-histories';
import type { CaseCommand, CaseCommandType } from './case.commands';
import { CASE_COMMAND_ERRORS, caseCommandErrorCodes, caseErrorSample, CaseErrorName } from './case-command-errors';
import { createCaseDecider } from './case.decider';
import { CaseErrors } from './case.errors';

const decider = createCaseDecider(new BusinessCalendar());
const ALL_NAMES = Object.keys(CaseErrors) as CaseErrorName[];

/** A few payloads per command a person sends, the valid one and those a rule refuses. */
const PAYLOADS: { [Type in CaseCommandType]?: Extract<CaseCommand, { type: Type }>['data'][] } = {
  AssignCase: [{ backofficeId: actors.backoffice.id }, { backofficeId: actors.otherBackoffice.id }],
  ReviewTypification: [{ consistent: true }, { consistent: false, reason: ' ' }, { consistent: false, reason: 'No corresponde' }],
  RetypifyCase: [{ kind: 'claim', typology: 'billing', motive: 'duplicate-charge' }],
  RequestInformation: [{ message: 'Falta la factura' }],
  ExtendInformationPeriod: [{ channel: 'phone' }],
  ReceiveInformation: [{ summary: 'Llegó la factura', channel: 'email' }],
  SendResponse: [{ body: 'Respuesta', outcome: 'resolved', decision: 'favourable' }, { body: 'Respuesta', outcome: 'pending', decision: 'favourable' }],
  ReceiveCounterReply: [{ summary: 'No estoy de acuerdo', channel: 'email' }, { summary: 'No estoy de acuerdo', channel: 'phone' }],
  ExtendDeadline: [{ businessDays: 5, reason: 'Pruebas' }, { businessDays: 0, reason: 'Pruebas' }, { businessDays: 40, reason: 'Pruebas' }],
  TransferCase: [{ entity: 'SIC', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia' }],
  AnswerSurvey: [{ score: 5, comment: null, via: 'agent' }, { score: 9, comment: null, via: 'agent' }],
  ReviewQuality: [{ score: 80, findings: 'Bien' }, { score: 101, findings: 'Bien' }],
  CloseCase: [{ reason: 'Duplicado' }],
};
const INSTANTS = [march2026(10), '2026-06-01T10:00:00-05:00'];

describe('CASE_COMMAND_ERRORS: the errors each case command can fail with', () => {
  it('lists only real case errors, each once per command', () => {
    const realCodes = new Set(ALL_NAMES.map((name) => caseErrorSample(name).code));
    for (const [type, names] of Object.entries(CASE_COMMAND_ERRORS)) {
      expect({ type, unknown: names.filter((name) => !ALL_NAMES.includes(name)) }).toEqual({ type, unknown: [] });
      expect({ type, repeated: names.length - new Set(names).size }).toEqual({ type, repeated: 0 });
      for (const code of caseCommandErrorCodes(type as CaseCommandType)) expect(realCodes).toContain(code);
    }
  });

  it('gives each error its code, kind and message, figures elided', () => {
    expect(caseErrorSample('wrongStatus')).toEqual({ code: 'CASE.WRONG_STATUS', kind: 'conflict', message: '… is not allowed while the case is …' });
    expect(caseErrorSample('consentRequired')).toMatchObject({ code: 'CASE.CONSENT_REQUIRED', kind: 'rule' });
  });

  it('covers every failure of the staff commands over every status, actor, payload and instant', () => {
    const undeclared: string[] = [];
    const seen = new Set<string>();
    for (const [status, history] of Object.entries(HISTORIES)) {
      const state = foldEvents(decider, history);
      for (const [type, payloads] of Object.entries(PAYLOADS) as [CaseCommandType, CaseCommand['data'][]][]) {
        for (const data of payloads) {
          for (const actor of Object.values(actors)) {
            for (const at of INSTANTS) {
              const code = failureOf(command(type, data as never, actor, at), state);
              if (!code) continue;
              seen.add(code);
              if (!caseCommandErrorCodes(type).includes(code)) undeclared.push(`${type} in ${status}: ${code}`);
            }
          }
        }
      }
    }
    for (const data of [{ consent: null }, { firstLineResolution: { resolution: 'Listo' } }, { consent }]) {
      for (const state of [foldEvents(decider, []), foldEvents(decider, HISTORIES.filed)]) {
        const code = failureOf(fileClaimCommand(data), state);
        if (code && !caseCommandErrorCodes('FileCase').includes(code)) undeclared.push(`FileCase: ${code}`);
      }
    }
    expect(undeclared).toEqual([]);
    // The exploration reaches the usual refusals (a guard against a loop that tries nothing).
    expect([...seen]).toEqual(expect.arrayContaining(['CASE.NOT_FOUND', 'CASE.WRONG_STATUS', 'CASE.NOT_ASSIGNEE', 'CASE.INVALID_SCORE', 'CASE.EXTENSION_TOO_LONG']));
  });
});

function failureOf(caseCommand: CaseCommand, state: ReturnType<typeof decider.initialState>): string | null {
  try {
    decider.decide(caseCommand, state);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
}
