import type { CaseEvent } from '@app/domain';
import { actors, assigned, caseFiled, informationRequested, respondedResolved } from '@app/domain/testing/case-histories';
import { CUSTOMER_MAIL_EVENT_TYPES, customerMailFor, entityMailFor, entityMessageIdFor, messageIdFor, sendsCustomerMail, sendsEntityMail } from './case-mail-plan';
import { MailSettings } from './mail-content';

const settings: MailSettings = { companyName: 'Empresa S.A.', publicBaseUrl: 'https://pqr.example.co', serviceLine: '601 555 0100' };
const facts = { filingNumber: '2026-000042' };
const at = '2026-03-02T10:00:00-05:00';

const events: Record<string, CaseEvent> = {
  CaseFiled: caseFiled,
  InformationRequested: informationRequested,
  ResponseSent: respondedResolved,
  CaseAssigned: assigned,
  DeadlineExtended: {
    type: 'DeadlineExtended',
    data: { businessDays: 5, reason: 'Concepto técnico', previousDueAt: '2026-03-23T23:59:59-05:00', dueAt: '2026-03-30T23:59:59-05:00', extendedBy: actors.supervisor.id, extendedAt: at },
  },
  CaseTransferred: { type: 'CaseTransferred', data: { entity: 'Superintendencia', entityEmail: 'radicacion@super.gov.co', reason: 'Competencia', toldAtOnce: false, transferredBy: actors.supervisor.id, transferredAt: at } },
  CaseClosed: { type: 'CaseClosed', data: { reason: 'Resuelto', closedBy: actors.supervisor.id, closedAt: at } },
  CaseWithdrawn: {
    type: 'CaseWithdrawn',
    data: { reason: 'Tacit withdrawal', informationRequestedAt: '2026-03-05T10:00:00-05:00', dueAt: '2026-04-06T23:59:59.999-05:00', withdrawnBy: 'system:sla', withdrawnAt: '2026-04-07T00:00:01-05:00' },
  },
  CustomerEmailReceived: {
    type: 'CustomerEmailReceived',
    data: {
      messageId: '<m1@example.com>', subject: 'Re: [2026-000042]', body: 'No estoy de acuerdo', attachments: [], disposition: 'late',
      counterReplyDeadline: '2026-03-12T23:59:59.999-05:00', receivedBy: 'system:mail', receivedAt: at,
    },
  },
  InformationPeriodExtended: {
    type: 'InformationPeriodExtended',
    data: {
      channel: 'phone', informationRequestedAt: '2026-03-05T10:00:00-05:00', previousTacitWithdrawalAt: '2026-04-06T23:59:59.999-05:00',
      tacitWithdrawalAt: '2026-05-05T23:59:59.999-05:00', extendedBy: actors.agent.id, extendedAt: at,
    },
  },
  QualityReviewed: { type: 'QualityReviewed', data: { score: 5, findings: 'ok', reviewedBy: actors.quality.id, reviewedAt: at } },
  InternalNoteAdded: { type: 'InternalNoteAdded', data: { text: 'Llamar en la tarde', writtenBy: actors.agent.id, writtenAt: at } },
};

describe('customerMailFor', () => {
  it.each(CUSTOMER_MAIL_EVENT_TYPES)('drafts a message for %s', (type) => {
    const draft = customerMailFor(events[type], facts, settings);
    expect(draft).not.toBeNull();
    expect(draft!.blocks.length).toBeGreaterThan(0);
  });

  it.each(['CaseAssigned', 'QualityReviewed', 'InternalNoteAdded'])('sends nothing for the internal step %s', (type) => {
    expect(customerMailFor(events[type], facts, settings)).toBeNull();
  });

  it('drafts exactly for the events sendsCustomerMail names, the outbox deciding without drafting', () => {
    const email = events.CustomerEmailReceived as Extract<CaseEvent, { type: 'CustomerEmailReceived' }>;
    const onTime = { ...email, data: { ...email.data, disposition: 'counter_reply' as const } };
    for (const event of [...Object.values(events), onTime]) expect(sendsCustomerMail(event)).toBe(customerMailFor(event, facts, settings) !== null);
  });

  it('never puts staff identities into what the customer reads', () => {
    for (const type of CUSTOMER_MAIL_EVENT_TYPES) {
      const draft = JSON.stringify(customerMailFor(events[type], facts, settings));
      for (const actor of Object.values(actors)) expect(draft).not.toContain(actor.id);
    }
  });
});

it('answers a customer email only when it came after the counter-reply window', () => {
  const email = events.CustomerEmailReceived as Extract<CaseEvent, { type: 'CustomerEmailReceived' }>;
  expect(JSON.stringify(customerMailFor(email, facts, settings))).toContain('601 555 0100');
  for (const disposition of ['information', 'counter_reply', 'noted'] as const) {
    expect(customerMailFor({ ...email, data: { ...email.data, disposition } }, facts, settings)).toBeNull();
  }
});

describe('the petition a transfer sends the competent entity (art. 21)', () => {
  const filing = (caseFiled as Extract<CaseEvent, { type: 'CaseFiled' }>).data;

  it('goes to the entity address with the subject, facts, request and the petitioner data needed to answer', () => {
    const mail = entityMailFor(events.CaseTransferred, filing);
    expect(mail?.to).toBe('radicacion@super.gov.co');
    const text = JSON.stringify(mail?.draft);
    for (const expected of [filing.subject, filing.facts, filing.request, filing.petitioner.fullName, filing.petitioner.documentNumber, filing.petitioner.email, 'Competencia']) {
      expect(text).toContain(expected);
    }
    for (const actor of Object.values(actors)) expect(text).not.toContain(actor.id);
  });

  it('is not sent for a transfer recorded without an address (schema v1), nor for any other event', () => {
    const v1 = { ...events.CaseTransferred, data: { ...events.CaseTransferred.data, entityEmail: null } } as CaseEvent;
    expect(sendsEntityMail(v1)).toBe(false);
    expect(entityMailFor(v1, filing)).toBeNull();
    expect(entityMailFor(events.CaseClosed, filing)).toBeNull();
  });

  it('has a Message-ID of its own, stable per (case, event)', () => {
    expect(entityMessageIdFor('case-1', 'event-1', 'pqr.example.co')).toBe('<pqr.case-1.event-1.entity@pqr.example.co>');
    expect(entityMessageIdFor('case-1', 'event-1', 'pqr.example.co')).not.toBe(messageIdFor('case-1', 'event-1', 'pqr.example.co'));
  });
});

describe('the closing date the customer is told (issue 22: the company rule yields to the law)', () => {
  const textOf = (event: CaseEvent) => JSON.stringify(customerMailFor(event, facts, settings));
  const request = informationRequested as Extract<CaseEvent, { type: 'InformationRequested' }>;

  it('a request under Ley 1755 states the art. 17 date (a month after 5 March 2026 is Sunday 5 April: Monday the 6th) and the extra month', () => {
    const text = textOf(request);
    expect(text).toContain('Tiene plazo hasta el 6 de abril de 2026 para enviarla');
    expect(text).toContain('un (1) mes más');
    expect(text).toContain('El término para responderle queda suspendido');
  });

  it('a request on a case outside Ley 1755 states the date the company rule closes it', () => {
    const text = textOf({ ...request, data: { ...request.data, customerSilenceDueAt: '2026-03-09T23:59:59.999-05:00' } });
    expect(text).toContain('Si no la recibimos a más tardar el 9 de marzo de 2026, cerraremos su solicitud');
    expect(text).not.toContain('6 de abril');
  });

  it('a request after the 10 business days of art. 17 does not promise a suspended term', () => {
    const text = textOf({ ...request, data: { ...request.data, suspendsLegalTerm: false } });
    expect(text).toContain('no se suspende');
    expect(text).not.toContain('queda suspendido');
  });

  it('the extra month tells the customer the previous and the new date, and how they asked', () => {
    const text = textOf(events.InformationPeriodExtended);
    expect(text).toContain('vencía el 6 de abril de 2026, vence ahora el 5 de mayo de 2026');
    expect(text).toContain('nuestra línea telefónica');
  });
});

describe('messageIdFor', () => {
  it('is the same for the same case and event, and differs between events', () => {
    expect(messageIdFor('case-1', 'event-1', 'pqr.example.co')).toBe(messageIdFor('case-1', 'event-1', 'pqr.example.co'));
    expect(messageIdFor('case-1', 'event-1', 'pqr.example.co')).not.toBe(messageIdFor('case-1', 'event-2', 'pqr.example.co'));
    expect(messageIdFor('case-1', 'event-1', 'pqr.example.co')).toMatch(/^<[^<>\s]+@pqr\.example\.co>$/);
  });
});
