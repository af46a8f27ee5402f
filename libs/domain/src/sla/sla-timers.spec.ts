import { BusinessCalendar } from '../calendar';
import type { CaseEvent } from '../cases/case.events';
import { HISTORIES, march2026 } from '../testing/case-histories';
import type { HistoryName } from '../testing/case-histories';
import { DEFAULT_SLA_POLICIES } from './sla-policy';
import { slaCommandId, slaScheduleOf, slaTimerCommand } from './sla-timers';
import type { SlaTimer } from './sla-timers';

const options = { calendar: new BusinessCalendar(), policies: DEFAULT_SLA_POLICIES, customerSilenceBusinessDays: 2 };
/** Billing: 12 business hours (08:00-17:00) from Monday 2 March 10:00. */
const RESOLUTION_DUE = '2026-03-03T13:00:00.000-05:00';
const REQUESTED_AT = march2026(5);

const onChat = (history: CaseEvent[]) =>
  history.map((event) => (event.type === 'CaseFiled' ? ({ ...event, data: { ...event.data, channel: 'chat' } } as CaseEvent) : event));
const overdue = (type: 'FirstResponseOverdue' | 'ResolutionOverdue', dueAt = RESOLUTION_DUE): CaseEvent => ({
  type,
  data: { dueAt, detectedBy: 'system:sla', detectedAt: march2026(3, '13:00:01') },
});
const respondedAt = (history: CaseEvent[], at: string) =>
  history.map((event) => (event.type === 'ResponseSent' ? ({ ...event, data: { ...event.data, respondedAt: at } } as CaseEvent) : event));

const withRequest = (data: Record<string, unknown>) =>
  HISTORIES.awaiting_information.map((event) => (event.type === 'InformationRequested' ? ({ ...event, data: { ...event.data, ...data } } as CaseEvent) : event));
/** An InformationRequested stored as v1 reads, upcast, without closing dates. */
const V1_REQUEST = withRequest({ tacitWithdrawalAt: null, customerSilenceDueAt: null });

describe('SLA timers of a case', () => {
  const rows: [string, CaseEvent[], SlaTimer[]][] = [
    ['a filed claim on the phone: only the resolution (no first-response target on that channel)', HISTORIES.filed, [{ kind: 'resolution', dueAt: RESOLUTION_DUE }]],
    ['the same case on chat: the first response too', onChat(HISTORIES.filed), [{ kind: 'first_response', dueAt: RESOLUTION_DUE }, { kind: 'resolution', dueAt: RESOLUTION_DUE }]],
    ['the resolution already recorded overdue: nothing more to fire', [...HISTORIES.in_progress, overdue('ResolutionOverdue')], []],
    [
      'waiting on the customer under Ley 1755 (resolution already expired, so it does not pause): the law comes first, only the tacit withdrawal of art. 17',
      HISTORIES.awaiting_information,
      [
        { kind: 'resolution', dueAt: RESOLUTION_DUE },
        { kind: 'tacit_withdrawal', dueAt: '2026-04-06T23:59:59.999-05:00', informationRequestedAt: REQUESTED_AT },
      ],
    ],
    [
      'waiting on the customer on a case outside Ley 1755: the company rule at the instant the request recorded, and tacit withdrawal',
      withRequest({ customerSilenceDueAt: '2026-03-09T23:59:59.999-05:00' }),
      [
        { kind: 'resolution', dueAt: RESOLUTION_DUE },
        { kind: 'customer_silence', dueAt: '2026-03-09T23:59:59.999-05:00', informationRequestedAt: REQUESTED_AT },
        { kind: 'tacit_withdrawal', dueAt: '2026-04-06T23:59:59.999-05:00', informationRequestedAt: REQUESTED_AT },
      ],
    ],
    [
      'a v1 request (no closing dates recorded): as it behaved then, the company rule from the configuration and one month',
      V1_REQUEST,
      [
        { kind: 'resolution', dueAt: RESOLUTION_DUE },
        { kind: 'customer_silence', dueAt: '2026-03-09T23:59:59.999-05:00', informationRequestedAt: REQUESTED_AT },
        { kind: 'tacit_withdrawal', dueAt: '2026-04-06T23:59:59.999-05:00', informationRequestedAt: REQUESTED_AT },
      ],
    ],
    [
      'the petitioner granted one more month: the tacit withdrawal moves to the new date',
      [
        ...HISTORIES.awaiting_information,
        {
          type: 'InformationPeriodExtended',
          data: {
            channel: 'phone',
            informationRequestedAt: REQUESTED_AT,
            previousTacitWithdrawalAt: '2026-04-06T23:59:59.999-05:00',
            tacitWithdrawalAt: '2026-05-05T23:59:59.999-05:00',
            extendedBy: 'agent-ana',
            extendedAt: march2026(20),
          },
        },
      ],
      [
        { kind: 'resolution', dueAt: RESOLUTION_DUE },
        { kind: 'tacit_withdrawal', dueAt: '2026-05-05T23:59:59.999-05:00', informationRequestedAt: REQUESTED_AT },
      ],
    ],
    [
      'resolved on time: only the counter-reply window',
      respondedAt([...HISTORIES.responded_resolved], march2026(3, '09:00:00')),
      [{ kind: 'counter_reply_window', dueAt: '2026-03-12T23:59:59.999-05:00' }],
    ],
    [
      'resolved late while the process was down: the overdue fact is still owed',
      HISTORIES.responded_resolved,
      [{ kind: 'resolution', dueAt: RESOLUTION_DUE }, { kind: 'counter_reply_window', dueAt: '2026-03-12T23:59:59.999-05:00' }],
    ],
    [
      'a first response on chat before its due: the first-response timer is cancelled',
      respondedAt(onChat(HISTORIES.responded_pending), march2026(3, '09:00:00')),
      [{ kind: 'resolution', dueAt: RESOLUTION_DUE }],
    ],
  ];

  it.each(rows)('%s', (_name, history, expected) => {
    expect(slaScheduleOf(history, options).timers).toEqual(expected);
  });

  it.each(['resolved_first_line', 'transferred', 'closed'] as HistoryName[])('given a %s case, then no timer and no deadline', (name) => {
    expect(slaScheduleOf(HISTORIES[name], options)).toEqual({ open: false, timers: [], nextDeadline: null });
  });

  it('with the company rule off (0 days), a silent customer of a v1 request meets only the legal tacit withdrawal', () => {
    const kinds = slaScheduleOf(V1_REQUEST, { ...options, customerSilenceBusinessDays: 0 }).timers.map((timer) => timer.kind);
    expect(kinds).toEqual(['resolution', 'tacit_withdrawal']);
  });

  it('the next deadline is the earliest unmet one; a paused clock has none', () => {
    expect(slaScheduleOf(onChat(HISTORIES.filed), options).nextDeadline).toEqual({ kind: 'first_response', dueAt: RESOLUTION_DUE });
    expect(slaScheduleOf(respondedAt([...HISTORIES.responded_resolved], march2026(3, '09:00:00')), options).nextDeadline).toBeNull();
    const pausedEarly = HISTORIES.awaiting_information.map((event) =>
      event.type === 'InformationRequested' ? ({ ...event, data: { ...event.data, requestedAt: march2026(2, '11:00:00') } } as CaseEvent) : event,
    );
    expect(slaScheduleOf(pausedEarly, options).nextDeadline).toBeNull();
  });

  it('each timer names its command and a deterministic command id', () => {
    const timer: SlaTimer = { kind: 'customer_silence', dueAt: '2026-03-09T23:59:59.999-05:00', informationRequestedAt: REQUESTED_AT };
    expect(slaTimerCommand(timer)).toEqual({
      type: 'CloseCaseAutomatically',
      data: { rule: 'customer_silent', dueAt: timer.dueAt, informationRequestedAt: REQUESTED_AT },
    });
    expect(slaCommandId('c1', timer)).toBe('sla:c1:customer_silence:2026-03-09T23:59:59.999-05:00');
    expect(slaTimerCommand({ kind: 'tacit_withdrawal', dueAt: 'd', informationRequestedAt: REQUESTED_AT }).type).toBe('WithdrawCase');
    expect(slaTimerCommand({ kind: 'first_response', dueAt: 'd' }).type).toBe('RecordFirstResponseOverdue');
  });
});
