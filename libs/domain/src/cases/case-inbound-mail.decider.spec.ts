import { BusinessCalendar } from '../calendar';
import type { Actor } from '../shared/actor';
import { deciderSpec } from '../testing/given-when-then';
import { command, HISTORIES, march2026 } from '../testing/case-histories';
import type { CaseEvent } from './case.events';
import { createCaseDecider } from './case.decider';
import { MAIL_ACTOR_ID } from './case-mail.decider';

const spec = deciderSpec(createCaseDecider(new BusinessCalendar()));
const mail: Actor = { id: MAIL_ACTOR_ID, roles: [] };
const attachment = { name: 'factura.pdf', contentType: 'application/pdf', size: 2048, storageKey: 'a'.repeat(64) };
const email = { messageId: '<r1@example.com>', subject: 'Re: [2026-000042] Solicitud de información', body: 'Adjunto la factura.', attachments: [attachment], automatic: false };
const receive = (at: string, data: Partial<typeof email> = {}) => command('ReceiveCustomerEmail', { ...email, ...data }, mail, at);
const COUNTER_REPLY_DEADLINE = '2026-03-12T23:59:59.999-05:00';
const received = (disposition: string, at: string, counterReplyDeadline: string | null = null) => ({
  type: 'CustomerEmailReceived',
  data: {
    messageId: email.messageId, subject: email.subject, body: email.body, attachments: [attachment], disposition, counterReplyDeadline, receivedBy: mail.id, receivedAt: at,
  },
});
const closedAfterResponse: CaseEvent[] = [
  ...HISTORIES.responded_resolved,
  { type: 'CaseClosed', data: { reason: 'No counter-reply', closedBy: 'system:sla', closedAt: march2026(13) } },
];

describe('case decider: an email from the customer (threaded by the inbound route)', () => {
  it('given a case waiting on the customer, when the customer writes, then InformationReceived (by email) and the email with its attachments', () => {
    const events = spec.given(HISTORIES.awaiting_information).when(receive(march2026(6))).thenEmits();
    expect(events.map((event) => event.type)).toEqual(['InformationReceived', 'CustomerEmailReceived']);
    expect(events[0].data).toMatchObject({ channel: 'email', summary: `${email.subject}\n\n${email.body}`, receivedBy: mail.id });
    expect(events[1]).toEqual(received('information', march2026(6)));
  });

  it('given a response, when the customer writes within the 3 business days, then CounterReplyReceived (the case reopens) and the email', () => {
    const events = spec.given(HISTORIES.responded_resolved).when(receive(march2026(12))).thenEmits();
    expect(events.map((event) => event.type)).toEqual(['CounterReplyReceived', 'CustomerEmailReceived']);
    expect(events[0].data).toMatchObject({ channel: 'email' });
    expect(events[1]).toEqual(received('counter_reply', march2026(12)));
  });

  it('given a response, when the customer writes after the window, then only a late note (the customer is answered how to go on)', () => {
    spec.given(HISTORIES.responded_resolved).when(receive(march2026(13))).then([received('late', march2026(13), COUNTER_REPLY_DEADLINE)] as CaseEvent[]);
  });

  it('given a case closed after its response, when the customer writes, then a late note with the window that closed', () => {
    spec.given(closedAfterResponse).when(receive(march2026(16))).then([received('late', march2026(16), COUNTER_REPLY_DEADLINE)] as CaseEvent[]);
  });

  it('given a late email that is itself an auto-reply, then a plain note: no answer to an answering machine', () => {
    spec.given(closedAfterResponse).when(receive(march2026(16), { automatic: true })).then([received('noted', march2026(16))] as CaseEvent[]);
  });

  it('given an open case not waiting on the customer, when the customer writes, then a note on the case (one case per issue)', () => {
    spec.given(HISTORIES.in_progress).when(receive(march2026(6))).then([received('noted', march2026(6))] as CaseEvent[]);
  });

  it('given a case closed without a response, when the customer writes, then a note', () => {
    spec.given(HISTORIES.closed).when(receive(march2026(6))).then([received('noted', march2026(6))] as CaseEvent[]);
  });

  it('given no case, then CASE.NOT_FOUND', () => {
    spec.given(HISTORIES.none).when(receive(march2026(6))).thenFails('CASE.NOT_FOUND');
  });
});
