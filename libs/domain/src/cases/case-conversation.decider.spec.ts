import { BusinessCalendar } from '../calendar';
import { deciderSpec } from '../testing/given-when-then';
import { actors, command, HISTORIES, HistoryName, march2026, respondedResolved } from '../testing/case-histories';
import { caseEventShapeViolation } from './case-event-shapes';
import { createCaseDecider } from './case.decider';
import { upcastCaseEvent } from './case.upcasters';
import { CASE_COMMAND_ERRORS } from './case-command-errors';

const decider = createCaseDecider(new BusinessCalendar());
const spec = deciderSpec(decider);

describe('decisions on responses (issue 28, ResponseSent v2)', () => {
  it('given a case in progress, when a favourable response is sent without a reason, then ResponseSent records the decision and no reason', () => {
    const [event] = spec
      .given(HISTORIES.in_progress)
      .when(command('SendResponse', { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable' }, actors.backoffice, march2026(20)))
      .thenEmits();
    expect(event.data).toMatchObject({ decision: 'favourable', decisionReason: null });
  });

  it.each(['partial', 'unfavourable'] as const)('given a case in progress, when a %s response states its reason, then ResponseSent records both', (decision) => {
    const [event] = spec
      .given(HISTORIES.in_progress)
      .when(command('SendResponse', { body: 'No procede', outcome: 'resolved', decision, decisionReason: '  El cobro corresponde al consumo  ' }, actors.backoffice, march2026(20)))
      .thenEmits();
    expect(event.data).toMatchObject({ decision, decisionReason: 'El cobro corresponde al consumo' });
  });

  it.each([
    ['partial', undefined],
    ['unfavourable', null],
    ['unfavourable', '   '],
  ] as const)('given a case in progress, when a %s response has the reason %p, then CASE.DECISION_REASON_REQUIRED and nothing is recorded', (decision, decisionReason) => {
    spec
      .given(HISTORIES.in_progress)
      .when(command('SendResponse', { body: 'No procede', outcome: 'resolved', decision, decisionReason }, actors.backoffice, march2026(20)))
      .thenFails('CASE.DECISION_REASON_REQUIRED');
    expect(CASE_COMMAND_ERRORS.SendResponse).toContain('decisionReasonRequired');
  });

  it('given a ResponseSent stored with schema version 1, when read, then its decision and reason read as not recorded (null) and it holds its shape', () => {
    const { decision: _decision, decisionReason: _reason, ...v1 } = (respondedResolved as Extract<typeof respondedResolved, { type: 'ResponseSent' }>).data;
    const read = upcastCaseEvent('ResponseSent', 1, v1 as unknown as Record<string, unknown>);
    expect(read).toEqual({ type: 'ResponseSent', data: { ...v1, decision: null, decisionReason: null } });
    expect(caseEventShapeViolation(read.type, read.data)).toBeUndefined();
  });
});

describe('internal notes (issue 28)', () => {
  const note = command('AddInternalNote', { text: 'El cliente llamó; prefiere respuesta por correo' }, actors.supervisor, march2026(20));
  const filedHistories = (Object.keys(HISTORIES) as HistoryName[]).filter((name) => HISTORIES[name].length > 0);

  it.each(filedHistories)('given a %s case, when staff add a note, then InternalNoteAdded records its text, who and when, and the case is as it was', (name) => {
    spec.given(HISTORIES[name]).when(note).then([
      { type: 'InternalNoteAdded', data: { text: 'El cliente llamó; prefiere respuesta por correo', writtenBy: actors.supervisor.id, writtenAt: march2026(20) } },
    ]);
    const before = HISTORIES[name].reduce(decider.evolve, decider.initialState());
    const [added] = decider.decide(note, before);
    expect(decider.evolve(before, added)).toEqual(before);
  });

  it('given a case, when a blank note is added, then CASE.NOTE_EMPTY', () => {
    spec.given(HISTORIES.filed).when(command('AddInternalNote', { text: ' \n ' }, actors.agent, march2026(20))).thenFails('CASE.NOTE_EMPTY');
  });

  it('given no case, when a note is added, then CASE.NOT_FOUND', () => {
    spec.given([]).when(note).thenFails('CASE.NOT_FOUND');
  });
});
