import { BusinessCalendar } from '../calendar';
import { DomainError } from '../shared/domain-error';
import { deciderSpec } from '../testing/given-when-then';
import {
  actors,
  caseFiled,
  caseTypified,
  assigned,
  CASE_ID,
  command,
  DUE_AT,
  FILED_AT,
  fileClaimCommand,
  HISTORIES,
  HistoryName,
  march2026,
  petitioner,
  respondedPending,
  confirmed,
  PETITIONER_ID,
} from '../testing/case-histories';
import type { CaseCommand } from './case.commands';
import { createCaseDecider } from './case.decider';

const decider = createCaseDecider(new BusinessCalendar());
const spec = deciderSpec(decider);

const fileClaim = fileClaimCommand;

/** Each command, who sends it, and the event it yields in the statuses that allow it. */
const MATRIX: { command: CaseCommand; allowed: Partial<Record<HistoryName, string>> }[] = [
  {
    command: command('AssignCase', { backofficeId: actors.otherBackoffice.id }, actors.supervisor),
    allowed: {
      filed: 'CaseAssigned', assigned: 'CaseAssigned', returned: 'CaseAssigned', in_progress: 'CaseAssigned',
      awaiting_information: 'CaseAssigned', responded_pending: 'CaseAssigned', responded_resolved: 'CaseAssigned',
    },
  },
  { command: command('ReviewTypification', { consistent: true }, actors.backoffice), allowed: { assigned: 'TypificationConfirmed' } },
  {
    command: command('ReviewTypification', { consistent: false, reason: 'Es una queja' }, actors.backoffice),
    allowed: { assigned: 'CaseReturnedToAgent' },
  },
  {
    command: command('RetypifyCase', { kind: 'complaint', typology: 'service', motive: 'rude-staff' }, actors.agent),
    allowed: { to_typify: 'CaseTypified', returned: 'CaseTypified' },
  },
  { command: command('RequestInformation', { message: 'Adjunte la factura' }, actors.backoffice), allowed: { in_progress: 'InformationRequested' } },
  { command: command('ExtendInformationPeriod', { channel: 'phone' }, actors.agent), allowed: { awaiting_information: 'InformationPeriodExtended' } },
  {
    command: command('ReceiveInformation', { summary: 'Factura recibida', channel: 'email' }, actors.backoffice),
    allowed: { awaiting_information: 'InformationReceived' },
  },
  {
    command: command('SendResponse', { body: 'Respuesta', outcome: 'resolved', decision: 'favourable' }, actors.backoffice),
    allowed: { in_progress: 'ResponseSent', responded_pending: 'ResponseSent', responded_resolved: 'CASE.RESPONSE_ALREADY_FINAL' },
  },
  {
    command: command('ReceiveCounterReply', { summary: 'No estoy de acuerdo', channel: 'email' }, actors.agent, march2026(10)),
    allowed: { responded_pending: 'CounterReplyReceived', responded_resolved: 'CounterReplyReceived', closed: 'CASE.CLOSED_NOT_REOPENED' },
  },
  {
    command: command('ExtendDeadline', { businessDays: 5, reason: 'Se requiere concepto técnico' }, actors.supervisor),
    allowed: {
      filed: 'DeadlineExtended', assigned: 'DeadlineExtended', returned: 'DeadlineExtended', in_progress: 'DeadlineExtended',
      responded_pending: 'DeadlineExtended', responded_resolved: 'DeadlineExtended',
    },
  },
  {
    command: command('TransferCase', { entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia' }, actors.supervisor),
    allowed: {
      to_typify: 'CaseTransferred', filed: 'CaseTransferred', assigned: 'CaseTransferred', returned: 'CaseTransferred', in_progress: 'CaseTransferred',
      awaiting_information: 'CaseTransferred',
    },
  },
  {
    command: command('AnswerSurvey', { score: 4, comment: 'Buena atención', via: 'public' }, actors.agent),
    allowed: { resolved_first_line: 'SatisfactionSurveyAnswered', responded_resolved: 'SatisfactionSurveyAnswered', closed: 'SatisfactionSurveyAnswered' },
  },
  {
    command: command('ReviewQuality', { score: 90, findings: 'Respuesta completa' }, actors.quality),
    allowed: {
      resolved_first_line: 'QualityReviewed', responded_pending: 'QualityReviewed', responded_resolved: 'QualityReviewed',
      closed: 'QualityReviewed', transferred: 'QualityReviewed',
    },
  },
  {
    command: command('CloseCase', { reason: 'Sin contrarespuesta' }, actors.supervisor),
    allowed: {
      to_typify: 'CaseClosed', filed: 'CaseClosed', assigned: 'CaseClosed', returned: 'CaseClosed', in_progress: 'CaseClosed',
      awaiting_information: 'CaseClosed', responded_pending: 'CaseClosed', responded_resolved: 'CaseClosed',
    },
  },
];

describe('case decider: which command each status allows', () => {
  const statuses = Object.keys(HISTORIES) as HistoryName[];
  const rows = MATRIX.flatMap(({ command: cmd, allowed }) =>
    statuses.map((status) => {
      const expected = allowed[status] ?? (status === 'none' ? 'CASE.NOT_FOUND' : 'CASE.WRONG_STATUS');
      return [cmd.type, status, expected, cmd] as const;
    }),
  );

  it.each(rows)('given a %s case in status %s, then %s', (_type, status, expected, cmd) => {
    const when = spec.given(HISTORIES[status]).when(cmd);
    if (expected.startsWith('CASE.')) when.thenFails(expected);
    else expect(when.thenEmits().map((e) => e.type)).toEqual([expected]);
  });
});

describe('case decider: filing', () => {
  it('given nothing, when an agent files a claim, then CaseFiled and CaseTypified with the legal due date', () => {
    spec.given([]).when(fileClaim()).then([caseFiled, caseTypified]);
  });

  it('given nothing, when an agent files a claim as a distinct matter with the email id, then CaseTypified records the matter and CaseFiled the email id', () => {
    const [filed, typified] = spec.given([]).when(fileClaim({ distinctMatter: true, petitionerEmailId: 'e'.repeat(64) })).thenEmits();
    expect(filed.data).toMatchObject({ petitionerEmailId: 'e'.repeat(64) });
    expect(typified.data).toMatchObject({ distinctMatter: true });
  });

  it('given nothing, when an inquiry is resolved at first line, then it is recorded as such with a 30-day term', () => {
    const events = spec
      .given([])
      .when(fileClaim({ kind: 'inquiry', firstLineResolution: { resolution: 'Se explicó la tarifa' } }))
      .thenEmits();
    expect(events.map((e) => e.type)).toEqual(['CaseFiled', 'CaseTypified', 'CaseResolvedAtFirstLine']);
    expect(events[0].data).toMatchObject({ legalTermDays: 30, dueAt: '2026-04-16T23:59:59.999-05:00' });
  });

  it('given nothing, when a claim is "resolved at first line", then it is refused: only petitions and inquiries are', () => {
    spec.given([]).when(fileClaim({ firstLineResolution: { resolution: 'x' } })).thenFails('CASE.FIRST_LINE_NOT_ALLOWED');
  });

  it('given a filed case, when it is filed again, then CASE.ALREADY_FILED', () => {
    spec.given(HISTORIES.filed).when(fileClaim()).thenFails('CASE.ALREADY_FILED');
  });

  it('keeps personal data only in CaseFiled.data.petitioner', () => {
    const events = spec.given([]).when(fileClaim()).thenEmits();
    const { petitioner: pii, ...rest } = events[0].data as Record<string, unknown>;
    expect(pii).toEqual(petitioner);
    const elsewhere = JSON.stringify([rest, ...events.slice(1)]);
    for (const value of Object.values(petitioner)) expect(elsewhere).not.toContain(value);
  });
});

describe('case decider: assignment and typification review', () => {
  it('given a filed case, when the supervisor assigns it, then CaseAssigned with no previous assignee', () => {
    spec.given(HISTORIES.filed).when(command('AssignCase', { backofficeId: actors.backoffice.id }, actors.supervisor, march2026(3))).then([assigned]);
  });

  it('given an assigned case, when it is assigned to the same agent again, then CASE.ALREADY_ASSIGNED', () => {
    spec.given(HISTORIES.assigned).when(command('AssignCase', { backofficeId: actors.backoffice.id }, actors.supervisor)).thenFails('CASE.ALREADY_ASSIGNED');
  });

  it('given an assigned case, when it is reassigned, then the previous assignee is recorded', () => {
    const [event] = spec.given(HISTORIES.in_progress).when(command('AssignCase', { backofficeId: 'bo-carla' }, actors.supervisor)).thenEmits();
    expect(event.data).toMatchObject({ backofficeId: 'bo-carla', previousBackofficeId: actors.backoffice.id });
  });

  it('given a case assigned to someone else, when another backoffice agent reviews it, then CASE.NOT_ASSIGNEE', () => {
    spec.given(HISTORIES.assigned).when(command('ReviewTypification', { consistent: true }, actors.otherBackoffice)).thenFails('CASE.NOT_ASSIGNEE');
  });

  it('given an assigned case, when the typification is found inconsistent without a reason, then CASE.REASON_REQUIRED', () => {
    spec.given(HISTORIES.assigned).when(command('ReviewTypification', { consistent: false, reason: '  ' }, actors.backoffice)).thenFails('CASE.REASON_REQUIRED');
  });

  it('given an assigned case, when the typification is inconsistent, then it returns to the agent who typified it', () => {
    spec
      .given(HISTORIES.assigned)
      .when(command('ReviewTypification', { consistent: false, reason: 'Es una queja' }, actors.backoffice, march2026(4)))
      .then([{ type: 'CaseReturnedToAgent', data: { agentId: actors.agent.id, reason: 'Es una queja', returnedBy: actors.backoffice.id, returnedAt: march2026(4) } }]);
  });

  it('given a returned case, when the agent re-typifies it as a document request, then the due date follows the new term and it goes back to its backoffice agent', () => {
    const history = HISTORIES.returned;
    const retypify = command('RetypifyCase', { kind: 'document_request', typology: 'docs', motive: 'certificate' }, actors.agent, march2026(5));
    spec.given(history).when(retypify).then([
      {
        type: 'CaseTypified',
        data: { kind: 'document_request', typology: 'docs', motive: 'certificate', typifiedBy: actors.agent.id, legalTermDays: 10, dueAt: '2026-03-16T23:59:59.999-05:00', distinctMatter: false },
      },
    ]);
    const state = [...history, ...decider.decide(retypify, history.reduce(decider.evolve, decider.initialState()))].reduce(decider.evolve, decider.initialState());
    expect(state).toMatchObject({ status: 'assigned', assigneeId: actors.backoffice.id, typifiedBy: actors.agent.id });
  });

  it('given a case returned to its agent, when another agent re-typifies it, then CASE.NOT_RETURNED_TO_ACTOR (403) naming the agent it went back to', () => {
    const retypify = command('RetypifyCase', { kind: 'complaint', typology: 'service', motive: 'rude-staff' }, actors.otherAgent, march2026(5));
    spec.given(HISTORIES.returned).when(retypify).thenFails('CASE.NOT_RETURNED_TO_ACTOR');
    const state = HISTORIES.returned.reduce(decider.evolve, decider.initialState());
    expect(() => decider.decide(retypify, state)).toThrow(expect.objectContaining({ kind: 'forbidden', details: { returnedTo: actors.agent.id } }));
  });

  it('given a returned case, when it is re-typified as a distinct matter, then CaseTypified records it', () => {
    const retypify = command('RetypifyCase', { kind: 'claim', typology: 'billing', motive: 'other', distinctMatter: true }, actors.agent, march2026(5));
    expect(spec.given(HISTORIES.returned).when(retypify).thenEmits()[0].data).toMatchObject({ distinctMatter: true });
  });

  it('given a case returned to its agent, when a supervisor re-typifies it, then CaseTypified by the supervisor and the case goes back to its backoffice agent', () => {
    const retypify = command('RetypifyCase', { kind: 'complaint', typology: 'service', motive: 'rude-staff' }, actors.supervisor, march2026(5));
    const [event] = spec.given(HISTORIES.returned).when(retypify).thenEmits();
    expect(event).toMatchObject({ type: 'CaseTypified', data: { typifiedBy: actors.supervisor.id } });
    const state = [...HISTORIES.returned, event].reduce(decider.evolve, decider.initialState());
    expect(state).toMatchObject({ status: 'assigned', assigneeId: actors.backoffice.id });
  });
});

describe('case decider: information, response and counter-reply', () => {
  it('given a case in progress, when information is requested, then the business days left are recorded (clock pauses)', () => {
    const [event] = spec.given(HISTORIES.in_progress).when(command('RequestInformation', { message: 'Adjunte la factura' }, actors.backoffice, march2026(5))).thenEmits();
    // 6,9..13,16..20,24 March: 12 business days after 5 March up to the 24th (23 March is a holiday).
    expect(event.data).toMatchObject({ remainingBusinessDays: 12 });
  });

  it('given a case awaiting information, when it arrives, then the clock restarts the next day with the days left', () => {
    const [event] = spec
      .given(HISTORIES.awaiting_information)
      .when(command('ReceiveInformation', { summary: 'Factura', channel: 'email' }, actors.backoffice, '2026-04-01T09:00:00-05:00'))
      .thenEmits();
    // 12 business days from 6 April (2-3 April are Holy Thursday and Good Friday).
    expect(event.data).toMatchObject({ dueAt: '2026-04-21T23:59:59.999-05:00' });
  });

  it('given a case in progress, when the response is sent, then the counter-reply window is 3 business days', () => {
    const [event] = spec
      .given(HISTORIES.in_progress)
      .when(command('SendResponse', { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable' }, actors.backoffice, march2026(20)))
      .thenEmits();
    expect(event.data).toMatchObject({ outcome: 'resolved', counterReplyDeadline: '2026-03-26T23:59:59.999-05:00' });
  });

  it('given a response, when the counter-reply arrives after 3 business days, then CASE.COUNTER_REPLY_WINDOW_CLOSED', () => {
    spec
      .given(HISTORIES.responded_pending)
      .when(command('ReceiveCounterReply', { summary: 'Tarde', channel: 'email' }, actors.agent, march2026(13)))
      .thenFails('CASE.COUNTER_REPLY_WINDOW_CLOSED');
  });

  it.each(['chat', 'web', 'letter'] as const)('given a response, when a counter-reply by %s arrives after the window, then CASE.COUNTER_REPLY_WINDOW_CLOSED: after it, only the phone line', (channel) => {
    spec
      .given(HISTORIES.responded_pending)
      .when(command('ReceiveCounterReply', { summary: 'Tarde', channel }, actors.agent, march2026(13)))
      .thenFails('CASE.COUNTER_REPLY_WINDOW_CLOSED');
  });

  it.each(['responded_pending', 'responded_resolved'] as const)(
    'given a %s case, when the customer counter-replies by phone after the window, then it is recorded (channel phone) and the case reopens with the same backoffice agent',
    (status) => {
      const history = HISTORIES[status];
      const reply = command('ReceiveCounterReply', { summary: 'Llamó: no está de acuerdo', channel: 'phone' }, actors.agent, march2026(20));
      spec.given(history).when(reply).then([
        {
          type: 'CounterReplyReceived',
          data: { summary: 'Llamó: no está de acuerdo', channel: 'phone', receivedBy: actors.agent.id, receivedAt: march2026(20), reopenedFor: actors.backoffice.id },
        },
      ]);
      const state = [...history, ...decider.decide(reply, history.reduce(decider.evolve, decider.initialState()))].reduce(decider.evolve, decider.initialState());
      expect(state).toMatchObject({ status: 'in_progress', assigneeId: actors.backoffice.id, sla: { resolvedAt: null } });
    },
  );

  it('given a resolved case closed once the window elapsed, when the customer calls to counter-reply, then CASE.CLOSED_NOT_REOPENED: a new case cites the number', () => {
    const autoClosed: CaseCommand = command('CloseCaseAutomatically', { rule: 'counter_reply_window_elapsed', dueAt: '2026-03-12T23:59:59.999-05:00' }, { id: 'system:sla', roles: [] }, march2026(13, '00:00:01'));
    const history = [...HISTORIES.responded_resolved, ...decider.decide(autoClosed, HISTORIES.responded_resolved.reduce(decider.evolve, decider.initialState()))];
    spec
      .given(history)
      .when(command('ReceiveCounterReply', { summary: 'Llamó: no está de acuerdo', channel: 'phone' }, actors.agent, march2026(16)))
      .thenFails('CASE.CLOSED_NOT_REOPENED');
  });

  it('given a response, when the customer counter-replies in time, then the case reopens with the same backoffice agent', () => {
    const history = [...HISTORIES.responded_pending];
    const reply = command('ReceiveCounterReply', { summary: 'No estoy de acuerdo', channel: 'email' }, actors.agent, march2026(12, '23:00:00'));
    const events = spec.given(history).when(reply).thenEmits();
    expect(events[0].data).toMatchObject({ reopenedFor: actors.backoffice.id });
    const state = [...history, ...events].reduce(decider.evolve, decider.initialState());
    expect(state).toMatchObject({ status: 'in_progress', assigneeId: actors.backoffice.id });
  });
});

describe('case decider: extensions', () => {
  it('given a case before its deadline, when extended by its whole term, then the new due date counts from the old one', () => {
    spec
      .given(HISTORIES.in_progress)
      .when(command('ExtendDeadline', { businessDays: 15, reason: 'Concepto técnico' }, actors.supervisor, march2026(20)))
      .then([
        {
          type: 'DeadlineExtended',
          data: { businessDays: 15, reason: 'Concepto técnico', previousDueAt: DUE_AT, dueAt: '2026-04-16T23:59:59.999-05:00', extendedBy: actors.supervisor.id, extendedAt: march2026(20) },
        },
      ]);
  });

  it('given an extension already used, when more than the original term would be added, then CASE.EXTENSION_TOO_LONG', () => {
    const extended = spec.given(HISTORIES.in_progress).when(command('ExtendDeadline', { businessDays: 10, reason: 'r' }, actors.supervisor)).thenEmits();
    spec.given([...HISTORIES.in_progress, ...extended]).when(command('ExtendDeadline', { businessDays: 6, reason: 'r' }, actors.supervisor)).thenFails('CASE.EXTENSION_TOO_LONG');
    expect(spec.given([...HISTORIES.in_progress, ...extended]).when(command('ExtendDeadline', { businessDays: 5, reason: 'r' }, actors.supervisor)).thenEmits()).toHaveLength(1);
  });

  it('given a case past its deadline, when an extension is asked, then CASE.DEADLINE_PASSED', () => {
    spec.given(HISTORIES.in_progress).when(command('ExtendDeadline', { businessDays: 3, reason: 'r' }, actors.supervisor, '2026-03-25T08:00:00-05:00')).thenFails('CASE.DEADLINE_PASSED');
  });

  it('given a case, when the extension is not a positive whole number of days, then CASE.INVALID_VALUE', () => {
    spec.given(HISTORIES.in_progress).when(command('ExtendDeadline', { businessDays: 0, reason: 'r' }, actors.supervisor)).thenFails('CASE.INVALID_VALUE');
  });
});

describe('case decider: survey, quality review and closure', () => {
  it('given a survey already answered, when it is answered again, then CASE.SURVEY_ALREADY_ANSWERED', () => {
    const answer = command('AnswerSurvey', { score: 5, via: 'public' }, actors.agent);
    const first = spec.given(HISTORIES.responded_resolved).when(answer).thenEmits();
    expect(first[0].data).toMatchObject({ score: 5, comment: null });
    spec.given([...HISTORIES.responded_resolved, ...first]).when(answer).thenFails('CASE.SURVEY_ALREADY_ANSWERED');
  });

  it.each([0, 6, 2.5])('given a resolved case, when the survey score is %p, then CASE.INVALID_SCORE', (score) => {
    spec.given(HISTORIES.responded_resolved).when(command('AnswerSurvey', { score, via: 'agent' }, actors.agent)).thenFails('CASE.INVALID_SCORE');
  });

  it('given a closed case, when it is closed again, then CASE.WRONG_STATUS', () => {
    spec.given(HISTORIES.closed).when(command('CloseCase', { reason: 'x' }, actors.supervisor)).thenFails('CASE.WRONG_STATUS');
  });

  it('domain errors carry the kind the HTTP layer maps to a status', () => {
    try {
      decider.decide(command('CloseCase', { reason: 'x' }, actors.supervisor), decider.initialState());
      throw new Error('expected a domain error');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'CASE.NOT_FOUND', kind: 'not_found' });
    }
  });
});

describe('case evolve', () => {
  it('folds a whole lifecycle into the expected state', () => {
    const history = [caseFiled, caseTypified, assigned, confirmed, respondedPending];
    const state = history.reduce(decider.evolve, decider.initialState());
    expect(state).toEqual({
      status: 'responded',
      caseId: CASE_ID,
      filingNumber: '2026-000042',
      filedAt: FILED_AT,
      filedBy: actors.agent.id,
      channel: 'phone',
      typification: { kind: 'claim', typology: 'billing', motive: 'duplicate-charge' },
      typifiedBy: actors.agent.id,
      legalTermDays: 15,
      dueAt: DUE_AT,
      extendedBusinessDays: 0,
      assigneeId: actors.backoffice.id,
      surveyAnswered: false,
      sla: { firstRespondedAt: march2026(9), resolvedAt: null, firstResponseOverdue: null, resolutionOverdue: null },
      emailsDelivered: [],
      lastCounterReplyDeadline: '2026-03-12T23:59:59.999-05:00',
      petitionerId: PETITIONER_ID,
      petitionerErased: false,
      priority: 'normal',
      outcome: 'pending',
      counterReplyDeadline: '2026-03-12T23:59:59.999-05:00',
    });
  });
});
