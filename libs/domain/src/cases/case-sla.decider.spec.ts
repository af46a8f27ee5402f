import { BusinessCalendar } from '../calendar';
import type { Actor } from '../shared/actor';
import { deciderSpec } from '../testing/given-when-then';
import { actors, command, HISTORIES, informationRequested, march2026, respondedResolved } from '../testing/case-histories';
import { AUTO_CLOSE_REASONS, TACIT_WITHDRAWAL_REASON } from './case-kind';
import type { CaseEvent } from './case.events';
import { createCaseDecider } from './case.decider';

const spec = deciderSpec(createCaseDecider(new BusinessCalendar()));
const sla: Actor = { id: 'system:sla', roles: [] };

const DUE = march2026(4, '18:00:00');
const firstResponseOverdue: CaseEvent = { type: 'FirstResponseOverdue', data: { dueAt: DUE, detectedBy: sla.id, detectedAt: march2026(5) } };
const REQUESTED_AT = march2026(5);
/** respondedResolved's counter-reply deadline. */
const COUNTER_REPLY_DEADLINE = '2026-03-12T23:59:59.999-05:00';

describe('case decider: SLA facts (sent by the SLA process manager)', () => {
  it('given a case not answered, when its first-response due has passed, then FirstResponseOverdue with the due instant', () => {
    spec
      .given(HISTORIES.in_progress)
      .when(command('RecordFirstResponseOverdue', { dueAt: DUE }, sla, march2026(5)))
      .then([firstResponseOverdue]);
  });

  it('given a case not answered, when the due instant has not passed yet, then CASE.NOT_DUE_YET', () => {
    spec.given(HISTORIES.in_progress).when(command('RecordFirstResponseOverdue', { dueAt: DUE }, sla, DUE)).thenFails('CASE.NOT_DUE_YET');
  });

  it('given a response sent before the due instant, when the first response is said overdue, then CASE.DEADLINE_MET (the timer is cancelled)', () => {
    spec
      .given(HISTORIES.responded_pending)
      .when(command('RecordFirstResponseOverdue', { dueAt: march2026(9, '12:00:00') }, sla, march2026(10)))
      .thenFails('CASE.DEADLINE_MET');
  });

  it('given a response sent after the due instant, when the process catches up, then the overdue fact is still recorded', () => {
    const [event] = spec
      .given(HISTORIES.responded_pending)
      .when(command('RecordFirstResponseOverdue', { dueAt: march2026(6) }, sla, march2026(10)))
      .thenEmits();
    expect(event).toMatchObject({ type: 'FirstResponseOverdue', data: { dueAt: march2026(6) } });
  });

  it('given FirstResponseOverdue already recorded, when it is sent again, then CASE.SLA_FACT_ALREADY_RECORDED', () => {
    spec
      .given([...HISTORIES.in_progress, firstResponseOverdue])
      .when(command('RecordFirstResponseOverdue', { dueAt: DUE }, sla, march2026(6)))
      .thenFails('CASE.SLA_FACT_ALREADY_RECORDED');
  });

  it('given a case not resolved, when its resolution due has passed, then ResolutionOverdue', () => {
    spec
      .given(HISTORIES.responded_pending)
      .when(command('RecordResolutionOverdue', { dueAt: DUE }, sla, march2026(10)))
      .then([{ type: 'ResolutionOverdue', data: { dueAt: DUE, detectedBy: sla.id, detectedAt: march2026(10) } }]);
  });

  it('given a case resolved on time, when the resolution is said overdue, then CASE.DEADLINE_MET', () => {
    spec
      .given(HISTORIES.responded_resolved)
      .when(command('RecordResolutionOverdue', { dueAt: march2026(9, '18:00:00') }, sla, march2026(10)))
      .thenFails('CASE.DEADLINE_MET');
  });

  it('given a resolved case reopened by a counter-reply, when the resolution due passes, then ResolutionOverdue', () => {
    const counterReply: CaseEvent = {
      type: 'CounterReplyReceived',
      data: { summary: 'No', channel: 'email', receivedBy: actors.agent.id, receivedAt: march2026(10), reopenedFor: actors.backoffice.id },
    };
    const [event] = spec
      .given([...HISTORIES.responded_resolved, counterReply])
      .when(command('RecordResolutionOverdue', { dueAt: march2026(11) }, sla, march2026(12)))
      .thenEmits();
    expect(event.type).toBe('ResolutionOverdue');
  });

  it.each(['closed', 'transferred', 'resolved_first_line'] as const)('given a %s case, when an overdue fact is sent, then CASE.WRONG_STATUS', (status) => {
    spec.given(HISTORIES[status]).when(command('RecordResolutionOverdue', { dueAt: DUE }, sla, march2026(20))).thenFails('CASE.WRONG_STATUS');
  });
});

describe('case decider: automatic closing and tacit withdrawal', () => {
  const closeAfterWindow = (at: string, dueAt = COUNTER_REPLY_DEADLINE) =>
    command('CloseCaseAutomatically', { rule: 'counter_reply_window_elapsed', dueAt }, sla, at);

  it('given a resolved response, when its counter-reply window has elapsed, then CaseClosed with the rule as reason', () => {
    spec
      .given(HISTORIES.responded_resolved)
      .when(closeAfterWindow(march2026(13, '00:00:00')))
      .then([{ type: 'CaseClosed', data: { reason: AUTO_CLOSE_REASONS.counter_reply_window_elapsed, closedBy: sla.id, closedAt: march2026(13, '00:00:00') } }]);
  });

  it('given a resolved response, when its window is still open, then CASE.NOT_DUE_YET', () => {
    spec.given(HISTORIES.responded_resolved).when(closeAfterWindow(march2026(12, '23:00:00'))).thenFails('CASE.NOT_DUE_YET');
  });

  it('given a pending response, when the window elapses, then CASE.WRONG_STATUS: the backoffice still owes the answer', () => {
    spec.given(HISTORIES.responded_pending).when(closeAfterWindow(march2026(13))).thenFails('CASE.WRONG_STATUS');
  });

  it('given a newer response with another window, when the old timer fires, then CASE.TIMER_STALE', () => {
    spec.given(HISTORIES.responded_resolved).when(closeAfterWindow(march2026(13), '2026-03-11T23:59:59.999-05:00')).thenFails('CASE.TIMER_STALE');
  });

  it('given a counter-reply reopened the case, when the window timer fires, then CASE.WRONG_STATUS', () => {
    const reopened: CaseEvent = {
      type: 'CounterReplyReceived',
      data: { summary: 'No', channel: 'email', receivedBy: actors.agent.id, receivedAt: march2026(10), reopenedFor: actors.backoffice.id },
    };
    spec.given([...HISTORIES.responded_resolved, reopened]).when(closeAfterWindow(march2026(13))).thenFails('CASE.WRONG_STATUS');
  });

  const closeSilent = (at: string, informationRequestedAt = REQUESTED_AT) =>
    command('CloseCaseAutomatically', { rule: 'customer_silent', dueAt: '2026-03-09T23:59:59.999-05:00', informationRequestedAt }, sla, at);

  /** The same request, on a kind or typology the company marks as outside Ley 1755: its silence rule applies. */
  const outsideTheLaw = HISTORIES.awaiting_information.map((event) =>
    event.type === 'InformationRequested' ? ({ ...event, data: { ...event.data, customerSilenceDueAt: '2026-03-09T23:59:59.999-05:00' } } as CaseEvent) : event,
  );

  it('given information requested on a case outside Ley 1755, when the customer stays silent past the company term, then CaseClosed (customer_silent)', () => {
    spec
      .given(outsideTheLaw)
      .when(closeSilent(march2026(10, '08:00:00')))
      .then([{ type: 'CaseClosed', data: { reason: AUTO_CLOSE_REASONS.customer_silent, closedBy: sla.id, closedAt: march2026(10, '08:00:00') } }]);
  });

  it('given information requested on a case under Ley 1755, when the company silence timer fires before the art. 17 date, then CASE.TIMER_STALE (the law comes first)', () => {
    spec.given(HISTORIES.awaiting_information).when(closeSilent(march2026(10, '08:00:00'))).thenFails('CASE.TIMER_STALE');
  });

  it('given a v1 request (no closing dates recorded), when the silence timer fires, then CaseClosed as before', () => {
    const v1 = HISTORIES.awaiting_information.map((event) =>
      event.type === 'InformationRequested' ? ({ ...event, data: { ...event.data, tacitWithdrawalAt: null, customerSilenceDueAt: null } } as CaseEvent) : event,
    );
    expect(spec.given(v1).when(closeSilent(march2026(10, '08:00:00'))).thenEmits().map((event) => event.type)).toEqual(['CaseClosed']);
  });

  it('given the petitioner was granted one more month, when the first month\'s withdrawal timer fires, then CASE.TIMER_STALE', () => {
    const extended: CaseEvent = {
      type: 'InformationPeriodExtended',
      data: {
        channel: 'phone',
        informationRequestedAt: REQUESTED_AT,
        previousTacitWithdrawalAt: '2026-04-06T23:59:59.999-05:00',
        tacitWithdrawalAt: '2026-05-05T23:59:59.999-05:00',
        extendedBy: actors.agent.id,
        extendedAt: march2026(20),
      },
    };
    const history = [...HISTORIES.awaiting_information, extended];
    spec
      .given(history)
      .when(command('WithdrawCase', { informationRequestedAt: REQUESTED_AT, dueAt: '2026-04-06T23:59:59.999-05:00' }, sla, '2026-04-07T00:00:00-05:00'))
      .thenFails('CASE.TIMER_STALE');
    const withdrawn = spec
      .given(history)
      .when(command('WithdrawCase', { informationRequestedAt: REQUESTED_AT, dueAt: '2026-05-05T23:59:59.999-05:00' }, sla, '2026-05-06T00:00:00-05:00'))
      .thenEmits();
    expect(withdrawn.map((event) => event.type)).toEqual(['CaseWithdrawn']);
  });

  it('given the information arrived, when the silence timer fires, then CASE.WRONG_STATUS', () => {
    const received: CaseEvent = {
      type: 'InformationReceived',
      data: { summary: 'Factura', channel: 'email', receivedBy: actors.backoffice.id, receivedAt: march2026(6), dueAt: '2026-03-25T23:59:59.999-05:00' },
    };
    spec.given([...HISTORIES.awaiting_information, received]).when(closeSilent(march2026(10))).thenFails('CASE.WRONG_STATUS');
  });

  it('given a second information request, when the first request\'s timer fires, then CASE.TIMER_STALE', () => {
    spec.given(HISTORIES.awaiting_information).when(closeSilent(march2026(10), march2026(4))).thenFails('CASE.TIMER_STALE');
  });

  it('given information requested a month ago, when the term has passed, then CaseWithdrawn (art. 17)', () => {
    const dueAt = '2026-04-06T23:59:59.999-05:00';
    spec
      .given(HISTORIES.awaiting_information)
      .when(command('WithdrawCase', { informationRequestedAt: REQUESTED_AT, dueAt }, sla, '2026-04-07T00:00:00-05:00'))
      .then([
        {
          type: 'CaseWithdrawn',
          data: { reason: TACIT_WITHDRAWAL_REASON, informationRequestedAt: REQUESTED_AT, dueAt, withdrawnBy: sla.id, withdrawnAt: '2026-04-07T00:00:00-05:00' },
        },
      ]);
  });

  it('given a withdrawn case, then nothing else is allowed on it', () => {
    const withdrawn: CaseEvent = {
      type: 'CaseWithdrawn',
      data: { reason: TACIT_WITHDRAWAL_REASON, informationRequestedAt: REQUESTED_AT, dueAt: march2026(30), withdrawnBy: sla.id, withdrawnAt: march2026(31) },
    };
    const history = [...HISTORIES.awaiting_information, withdrawn];
    spec.given(history).when(command('ReceiveInformation', { summary: 'Tarde', channel: 'email' }, actors.backoffice)).thenFails('CASE.WRONG_STATUS');
    spec.given(history).when(command('CloseCase', { reason: 'x' }, actors.supervisor)).thenFails('CASE.WRONG_STATUS');
  });

  it('keeps the request instant in the state, so that an older timer is told apart', () => {
    expect(informationRequested.data).toMatchObject({ requestedAt: REQUESTED_AT });
    expect(respondedResolved.data).toMatchObject({ counterReplyDeadline: COUNTER_REPLY_DEADLINE });
  });
});
