import { BusinessCalendar } from '../calendar';
import type { Actor } from '../shared/actor';
import { foldEvents } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { actors, command, fileClaimCommand, HISTORIES, HistoryName, march2026, PETITIONER_ID } from '../testing/case-histories';
import type { CaseCommand, CaseCommandType } from './case.commands';
import type { CaseEvent, CaseEventType } from './case.events';
import { createCaseDecider } from './case.decider';
import { MAIL_ACTOR_ID } from './case-mail.decider';
import { isRevisionNeutral, isStillCurrent, REVISION_NEUTRAL_FACT_TYPES } from './revision-neutral-facts';

/**
 * The proof behind the If-Match rule (ADR 21): a person who read the case before a revision-neutral
 * fact was recorded would get the very same decision after it. For every status history, every
 * command whose decision is not about those facts themselves, sent by every kind of actor at
 * instants on both sides of each deadline, deciding on the state before and after appending each
 * such fact (and all of them) gives the same events, or the same error.
 */
const decider = createCaseDecider(new BusinessCalendar());
const sla: Actor = { id: 'system:sla', roles: [] };
const mail: Actor = { id: MAIL_ACTOR_ID, roles: [] };
const admin: Actor = { id: 'adm-ada', roles: ['admin'] };

/** The commands that record a revision-neutral fact: their decisions are about those facts (a delivery is recorded once). */
type RecordsANeutralFact = 'RecordEmailDelivered' | 'RecordEmailDeliveryFailed' | 'RecordFirstResponseOverdue' | 'RecordResolutionOverdue';

/** Before the counter-reply window closes, after it, after the legal due date, after the art. 17 month. */
const INSTANTS = [march2026(10), march2026(13), '2026-03-25T10:00:00-05:00', '2026-05-04T10:00:00-05:00'];
const PEOPLE: Actor[] = [actors.agent, actors.otherAgent, actors.supervisor, actors.backoffice, actors.otherBackoffice, actors.quality, admin];

/** Every command type but the recorders (the compiler asks for a new one), with the data variants that take different paths. */
const COMMANDS: Record<Exclude<CaseCommandType, RecordsANeutralFact>, { data: object[]; actors: Actor[] }> = {
  FileCase: { data: [fileClaimCommand().data], actors: [actors.agent] },
  AssignCase: { data: [{ backofficeId: actors.backoffice.id }, { backofficeId: actors.otherBackoffice.id }], actors: PEOPLE },
  ReviewTypification: { data: [{ consistent: true }, { consistent: false, reason: 'Es una queja' }], actors: PEOPLE },
  RetypifyCase: { data: [{ kind: 'complaint', typology: 'service', motive: 'attention' }], actors: PEOPLE },
  RequestInformation: {
    data: [{ message: 'Adjunte la factura' }, { message: 'Adjunte la factura', customerSilenceRule: { businessDays: 2, outsideLey1755: ['claim', 'billing'] } }],
    actors: PEOPLE,
  },
  ExtendInformationPeriod: { data: [{ channel: 'phone' }], actors: PEOPLE },
  ReceiveInformation: { data: [{ summary: 'Llegó la factura', channel: 'email' }], actors: PEOPLE },
  SendResponse: { data: [{ body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable' }, { body: 'Seguimos revisando', outcome: 'pending', decision: 'favourable' }], actors: PEOPLE },
  AddInternalNote: { data: [{ text: 'Llamar al cliente el lunes' }], actors: PEOPLE },
  ReceiveCounterReply: { data: [{ summary: 'No estoy de acuerdo', channel: 'phone' }], actors: PEOPLE },
  ExtendDeadline: { data: [{ businessDays: 5, reason: 'Se consulta a facturación' }, { businessDays: 40, reason: 'Demasiado' }], actors: PEOPLE },
  TransferCase: { data: [{ entity: 'SIC', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia' }], actors: PEOPLE },
  AnswerSurvey: { data: [{ score: 5, comment: null, via: 'agent' }, { score: 4, comment: 'Bien', via: 'public' }], actors: PEOPLE },
  ReviewQuality: { data: [{ score: 90, findings: 'Respuesta completa' }], actors: PEOPLE },
  CloseCase: { data: [{ reason: 'El cliente desistió' }], actors: PEOPLE },
  CloseCaseAutomatically: {
    data: [
      { rule: 'counter_reply_window_elapsed', dueAt: '2026-03-12T23:59:59.999-05:00' },
      { rule: 'customer_silent', dueAt: march2026(9), informationRequestedAt: march2026(5) },
    ],
    actors: [sla],
  },
  WithdrawCase: { data: [{ informationRequestedAt: march2026(5), dueAt: '2026-04-06T23:59:59.999-05:00' }], actors: [sla] },
  ReceiveCustomerEmail: {
    data: [
      { messageId: '<r1@example.com>', subject: 'Re: [2026-000042]', body: 'Adjunto la factura.', attachments: [], automatic: false },
      { messageId: '<r2@example.com>', subject: 'Fuera de la oficina', body: 'Vuelvo el lunes.', attachments: [], automatic: true },
    ],
    actors: [mail],
  },
  ErasePetitionerData: { data: [{ petitionerId: PETITIONER_ID, withdrawnMessages: [] }, { petitionerId: 'f'.repeat(64), withdrawnMessages: [] }], actors: [admin] },
  ChangePriority: { data: [{ priority: 'urgent', reason: { kind: 'legal', code: 'risk_to_life' } }, { priority: 'normal' }], actors: [actors.supervisor] },
};

const emailRef = { sourceEventId: 'evt-case-filed', sourceEventType: 'CaseFiled', messageId: '<evt-case-filed@pqr.example.co>', attempt: 1, addressee: 'petitioner' as const };
/** One sample of each revision-neutral fact, as the outbox and the SLA process record them. */
const NEUTRAL_FACTS: Partial<Record<CaseEventType, CaseEvent>> = {
  EmailDelivered: { type: 'EmailDelivered', data: { ...emailRef, deliveredBy: mail.id, deliveredAt: march2026(2, '10:00:01') } },
  EmailDeliveryFailed: {
    type: 'EmailDeliveryFailed',
    data: { ...emailRef, attempt: 2, error: 'connect ECONNREFUSED', nextAttemptAt: march2026(2, '10:05:00'), failedBy: mail.id, failedAt: march2026(2, '10:01:00') },
  },
  FirstResponseOverdue: { type: 'FirstResponseOverdue', data: { dueAt: march2026(4, '18:00:00'), detectedBy: sla.id, detectedAt: march2026(5) } },
  ResolutionOverdue: { type: 'ResolutionOverdue', data: { dueAt: '2026-03-24T23:59:59.999-05:00', detectedBy: sla.id, detectedAt: '2026-03-25T00:00:00-05:00' } },
  InternalNoteAdded: { type: 'InternalNoteAdded', data: { text: 'El cliente llamó otra vez', writtenBy: actors.supervisor.id, writtenAt: march2026(5) } },
};

function allCommands(): CaseCommand[] {
  return Object.entries(COMMANDS).flatMap(([type, { data, actors: senders }]) =>
    data.flatMap((d) => senders.flatMap((actor) => INSTANTS.map((at) => command(type as CaseCommandType, d as never, actor, at)))),
  );
}

type Outcome = { events: CaseEvent[] } | { error: string; message: string; details?: Record<string, unknown> };

function outcomeOf(cmd: CaseCommand, history: readonly CaseEvent[]): Outcome {
  try {
    return { events: decider.decide(cmd, foldEvents(decider, history)) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: error.code, message: error.message, details: error.details };
  }
}

/** The commands whose decision differs before and after `appended`, on `history`. */
function decisionsChangedBy(history: readonly CaseEvent[], appended: readonly CaseEvent[], commands: CaseCommand[]): string[] {
  return commands
    .filter((cmd) => JSON.stringify(outcomeOf(cmd, history)) !== JSON.stringify(outcomeOf(cmd, [...history, ...appended])))
    .map((cmd) => `${cmd.type} by ${cmd.actor.id} at ${cmd.at}`);
}

describe('revision-neutral facts: no decision but their own recorders depends on them', () => {
  const commands = allCommands();
  const histories = Object.entries(HISTORIES) as [HistoryName, CaseEvent[]][];
  const facts = Object.values(NEUTRAL_FACTS) as CaseEvent[];

  it('names exactly the delivery outcomes, the overdue marks and the internal notes, with a sample of each here', () => {
    expect([...REVISION_NEUTRAL_FACT_TYPES].sort()).toEqual(['EmailDelivered', 'EmailDeliveryFailed', 'FirstResponseOverdue', 'InternalNoteAdded', 'ResolutionOverdue']);
    expect(Object.keys(NEUTRAL_FACTS).sort()).toEqual([...REVISION_NEUTRAL_FACT_TYPES].sort());
  });

  it.each(histories)('given the %s history, each neutral fact appended (alone, and all of them) leaves every decision as it was', (_name, history) => {
    for (const appended of [...facts.map((fact) => [fact]), facts]) {
      expect({ appended: appended.map((fact) => fact.type), changed: decisionsChangedBy(history, appended, commands) }).toEqual({
        appended: appended.map((fact) => fact.type),
        changed: [],
      });
    }
  });

  it('the check can fail: an event a person records (an assignment) changes decisions, and a delivery changes its own recorder\'s', () => {
    const reassigned: CaseEvent = {
      type: 'CaseAssigned',
      data: { backofficeId: actors.otherBackoffice.id, previousBackofficeId: actors.backoffice.id, assignedBy: actors.supervisor.id, assignedAt: march2026(6) },
    };
    expect(decisionsChangedBy(HISTORIES.in_progress, [reassigned], commands).length).toBeGreaterThan(0);
    const recordDelivery = command('RecordEmailDelivered', emailRef, mail, march2026(3));
    expect(decisionsChangedBy(HISTORIES.filed, [NEUTRAL_FACTS.EmailDelivered!], [recordDelivery])).toHaveLength(1);
  });
});

describe('isStillCurrent: the If-Match rule', () => {
  it('holds a revision when every later event is a neutral fact, and not when a person changed the case or the revision is ahead', () => {
    expect(isStillCurrent(1, 1, [])).toBe(true);
    expect(isStillCurrent(1, 3, ['EmailDelivered', 'FirstResponseOverdue'])).toBe(true);
    expect(isStillCurrent(1, 3, ['EmailDelivered', 'CaseAssigned'])).toBe(false);
    expect(isStillCurrent(1, 2, ['CustomerEmailReceived'])).toBe(false);
    expect(isStillCurrent(4, 3, [])).toBe(false);
    expect(isStillCurrent(1, 3, ['EmailDelivered'])).toBe(false);
    expect(isRevisionNeutral('SomethingNew')).toBe(false);
  });
});
