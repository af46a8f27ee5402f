import { BusinessCalendar } from '../calendar';
import { foldEvents } from '../shared/decider';
import type { Actor } from '../shared/actor';
import { HISTORIES, march2026 } from '../testing/case-histories';
import type { HistoryName } from '../testing/case-histories';
import type { CaseEvent } from './case.events';
import { createCaseDecider } from './case.decider';
import { customerActions } from './customer-actions';
import { CASE_STATUS_LABELS } from './case-status-names.es';
import { CASE_STATUSES } from './case.state';
import { CASE_KINDS } from './case-kind';
import { caseKindLabel } from './case-kind-names.es';

const decider = createCaseDecider(new BusinessCalendar());
const customer: Actor = { id: 'customer:2026-000042', roles: [] };
const actionsAfter = (history: readonly CaseEvent[], at: string) => customerActions(decider, foldEvents(decider, history), customer, at);
const survey: CaseEvent = { type: 'SatisfactionSurveyAnswered', data: { score: 4, comment: null, via: 'public', recordedBy: customer.id, answeredAt: march2026(10) } };
const none = { answerInformation: false, counterReply: false, answerSurvey: false };

describe('customer actions: what the decider would accept from the customer on the web', () => {
  it.each<[HistoryName, string, object]>([
    ['filed', march2026(3), none],
    ['in_progress', march2026(5), none],
    ['awaiting_information', march2026(6), { ...none, answerInformation: true }],
    ['responded_pending', march2026(10), { ...none, counterReply: true }],
    ['responded_resolved', march2026(10), { ...none, counterReply: true, answerSurvey: true }],
    // The window ends with 12 March: the survey stays, the web counter-reply goes (only the phone line reopens it then).
    ['responded_resolved', march2026(13), { ...none, answerSurvey: true }],
    ['resolved_first_line', march2026(3), { ...none, answerSurvey: true }],
    ['closed', march2026(4), { ...none, answerSurvey: true }],
    ['transferred', march2026(4), none],
  ])('given a case %s, at %s, then %o', (name, at, expected) => {
    expect(actionsAfter(HISTORIES[name], at)).toEqual(expected);
  });

  it('given a survey already answered, then no survey', () => {
    expect(actionsAfter([...HISTORIES.responded_resolved, survey], march2026(10))).toEqual({ ...none, counterReply: true });
  });
});

describe('Spanish labels of the tracking page', () => {
  it('names every status of a filed case and every kind, capitalized', () => {
    expect(Object.keys(CASE_STATUS_LABELS).sort()).toEqual(CASE_STATUSES.filter((status) => status !== 'none').sort());
    expect(CASE_KINDS.map(caseKindLabel)).toEqual([
      'Petición', 'Queja', 'Reclamo', 'Sugerencia', 'Denuncia', 'Consulta', 'Derecho de petición', 'Solicitud de documentos',
    ]);
  });
});
