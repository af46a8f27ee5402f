import { BusinessCalendar } from '../calendar';
import { deciderSpec } from '../testing/given-when-then';
import { actors, command, fileClaimCommand, HISTORIES, informationRequested } from '../testing/case-histories';
import type { CaseCommand } from './case.commands';
import { createCaseDecider } from './case.decider';
import type { CaseEvent } from './case.events';
import { upcastCaseEvent } from './case.upcasters';

const decider = createCaseDecider(new BusinessCalendar());
const spec = deciderSpec(decider);
const endOf = (date: string) => `${date}T23:59:59.999-05:00`;

/** Runs commands from nothing, each on the state the previous ones left. */
function history(...commands: CaseCommand[]): CaseEvent[] {
  return commands.reduce<CaseEvent[]>((events, next) => [...events, ...decider.decide(next, events.reduce(decider.evolve, decider.initialState()))], []);
}

/** Issue 22's example: a petition filed Wed 1 Oct 2025 is due 23 Oct (13 Oct is a holiday). */
const petitionOctober2025 = () =>
  history(
    { ...fileClaimCommand({ kind: 'petition' }), at: '2025-10-01T10:00:00-05:00' },
    command('AssignCase', { backofficeId: actors.backoffice.id }, actors.supervisor, '2025-10-02T09:00:00-05:00'),
    command('ReviewTypification', { consistent: true }, actors.backoffice, '2025-10-02T09:00:00-05:00'),
    command('RequestInformation', { message: 'Adjunte la factura' }, actors.backoffice, '2025-10-24T10:00:00-05:00'),
  );

describe('case decider: an expired term is never revived (Ley 1755 de 2015, art. 14 and 17)', () => {
  it('given a petition due 23 Oct 2025 asked for information on 24 Oct, when it arrives on 28 Oct, then the legal due date stays 23 Oct', () => {
    const events = petitionOctober2025();
    expect(events[events.length - 1].data).toMatchObject({ suspendsLegalTerm: false, remainingBusinessDays: 0 });
    const [received] = spec.given(events).when(command('ReceiveInformation', { summary: 'Factura', channel: 'email' }, actors.backoffice, '2025-10-28T10:00:00-05:00')).thenEmits();
    expect(received.data).toMatchObject({ dueAt: endOf('2025-10-23') });
  });

  it('given that petition with its information on 28 Oct, when an extension is asked on 29 Oct, then 422 CASE.DEADLINE_PASSED', () => {
    const events = [
      ...petitionOctober2025(),
      ...spec.given(petitionOctober2025()).when(command('ReceiveInformation', { summary: 'Factura', channel: 'email' }, actors.backoffice, '2025-10-28T10:00:00-05:00')).thenEmits(),
    ];
    spec.given(events).when(command('ExtendDeadline', { businessDays: 10, reason: 'Concepto técnico' }, actors.supervisor, '2025-10-29T10:00:00-05:00')).thenFails('CASE.DEADLINE_PASSED');
  });
});

describe('case decider: the information request records what it does to the term and when the case closes', () => {
  it('given a claim in progress asked within the 10 business days, then the request suspends the term and names the art. 17 date (no company rule by default)', () => {
    const [event] = spec.given(HISTORIES.in_progress).when(command('RequestInformation', { message: 'Adjunte la factura' }, actors.backoffice, '2026-03-05T10:00:00-05:00')).thenEmits();
    expect(event.data).toMatchObject({ suspendsLegalTerm: true, tacitWithdrawalAt: endOf('2026-04-06'), customerSilenceDueAt: null });
  });

  it('given the company rule covers the case\'s typology (outside Ley 1755), then the request records the date the rule closes it', () => {
    const rule = { businessDays: 2, outsideLey1755: ['billing'] };
    const [event] = spec.given(HISTORIES.in_progress).when(command('RequestInformation', { message: 'x', customerSilenceRule: rule }, actors.backoffice, '2026-03-05T10:00:00-05:00')).thenEmits();
    // 6 (1), 9 (2) March 2026.
    expect(event.data).toMatchObject({ customerSilenceDueAt: endOf('2026-03-09') });
  });

  it('given the company rule covers other kinds only, then a case under the law waits for its art. 17 date', () => {
    const rule = { businessDays: 2, outsideLey1755: ['suggestion', 'general-information'] };
    const [event] = spec.given(HISTORIES.in_progress).when(command('RequestInformation', { message: 'x', customerSilenceRule: rule }, actors.backoffice, '2026-03-05T10:00:00-05:00')).thenEmits();
    expect(event.data).toMatchObject({ customerSilenceDueAt: null });
  });

  it('given an InformationRequested stored with schema version 1, when read, then it suspended the term as before and records no closing dates', () => {
    const { suspendsLegalTerm: _s, tacitWithdrawalAt: _t, customerSilenceDueAt: _c, ...v1 } = (informationRequested as Extract<CaseEvent, { type: 'InformationRequested' }>).data;
    const read = upcastCaseEvent('InformationRequested', 1, v1 as unknown as Record<string, unknown>);
    expect(read).toEqual({ type: 'InformationRequested', data: { ...v1, suspendsLegalTerm: true, tacitWithdrawalAt: null, customerSilenceDueAt: null } });
    // A v1 request then gets its extra month computed from the request: 5 May 2026.
    const history = [...HISTORIES.in_progress, read];
    const [extended] = spec.given(history).when(command('ExtendInformationPeriod', { channel: 'phone' }, actors.agent, '2026-03-20T10:00:00-05:00')).thenEmits();
    expect(extended.data).toMatchObject({ previousTacitWithdrawalAt: endOf('2026-04-06'), tacitWithdrawalAt: endOf('2026-05-05') });
  });
});

describe('case decider: the petitioner\'s extra month (art. 17)', () => {
  it('given a case waiting on the customer, when staff record the petitioner asked by phone, then InformationPeriodExtended with both dates, who and when', () => {
    spec
      .given(HISTORIES.awaiting_information)
      .when(command('ExtendInformationPeriod', { channel: 'phone' }, actors.agent, '2026-03-20T10:00:00-05:00'))
      .then([
        {
          type: 'InformationPeriodExtended',
          data: {
            channel: 'phone',
            informationRequestedAt: '2026-03-05T10:00:00-05:00',
            previousTacitWithdrawalAt: endOf('2026-04-06'),
            tacitWithdrawalAt: endOf('2026-05-05'),
            extendedBy: actors.agent.id,
            extendedAt: '2026-03-20T10:00:00-05:00',
          },
        },
      ]);
  });
});
