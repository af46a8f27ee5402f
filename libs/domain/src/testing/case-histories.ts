import type { CaseEvent } from '../cases/case.events';
import type { CaseCommand } from '../cases/case.commands';
import type { Actor } from '../shared/actor';

/** Ready-made histories and actors for decider and projection specs. */
export const CASE_ID = '0b7f6c1e-9d4a-4c55-8f0e-3a1b2c3d4e5f';
export const FILED_AT = '2026-03-02T10:00:00-05:00'; // a Monday
/** 15 business days from the day after: 23 March 2026 is San José (moved to Monday). */
export const DUE_AT = '2026-03-24T23:59:59.999-05:00';

export const actors = {
  agent: { id: 'agent-ana', roles: ['agent'] } as Actor,
  otherAgent: { id: 'agent-luis', roles: ['agent'] } as Actor,
  supervisor: { id: 'sup-sofia', roles: ['supervisor'] } as Actor,
  backoffice: { id: 'bo-beto', roles: ['backoffice'] } as Actor,
  otherBackoffice: { id: 'bo-carla', roles: ['backoffice'] } as Actor,
  quality: { id: 'qa-quique', roles: ['quality'] } as Actor,
};

export const petitioner = {
  fullName: 'María Fernanda Rojas',
  documentType: 'CC' as const,
  documentNumber: '1020304050',
  email: 'maria.rojas@example.com',
  phone: '+57 300 123 4567',
};

/** The petitioner's pseudonymous id, as the API derives it (an HMAC: here any stable hex string). */
export const PETITIONER_ID = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';

export const consent = { givenAt: '2026-03-02T09:55:00-05:00', channel: 'phone' as const, policyVersion: '2026-01' };

export const caseFiled: CaseEvent = {
  type: 'CaseFiled',
  data: {
    caseId: CASE_ID,
    filingNumber: '2026-000042',
    verificationCode: 'K7P2QX',
    kind: 'claim',
    channel: 'phone',
    subject: 'Cobro duplicado en la factura de febrero',
    facts: 'El 15 de febrero se cobró dos veces el plan.',
    request: 'Reversar el cobro duplicado',
    attachments: [],
    relatedFilingNumber: null,
    filedBy: actors.agent.id,
    filedAt: FILED_AT,
    legalTermDays: 15,
    dueAt: DUE_AT,
    petitionerId: PETITIONER_ID,
    petitionerEmailId: null,
    petitioner,
    consent,
  },
};

/** The actor a filing on the web is recorded with (the customer, no roles). */
export const WEB_CUSTOMER = { id: 'customer:web', roles: [] } as Actor;

/** The same claim filed by the customer on the web: untypified (no CaseTypified), the legal term from the filing. */
export const webCaseFiled: CaseEvent = {
  type: 'CaseFiled',
  data: {
    ...(caseFiled.data as Extract<CaseEvent, { type: 'CaseFiled' }>['data']),
    channel: 'web',
    filedBy: WEB_CUSTOMER.id,
    consent: { ...consent, channel: 'web' },
  },
};

export const caseTypified: CaseEvent = {
  type: 'CaseTypified',
  data: { kind: 'claim', typology: 'billing', motive: 'duplicate-charge', typifiedBy: actors.agent.id, legalTermDays: 15, dueAt: DUE_AT, distinctMatter: false },
};

const at = (day: number, time = '10:00:00') => `2026-03-${String(day).padStart(2, '0')}T${time}-05:00`;

export const assigned: CaseEvent = {
  type: 'CaseAssigned',
  data: { backofficeId: actors.backoffice.id, previousBackofficeId: null, assignedBy: actors.supervisor.id, assignedAt: at(3) },
};
export const returned: CaseEvent = {
  type: 'CaseReturnedToAgent',
  data: { agentId: actors.agent.id, reason: 'Es una queja, no un reclamo', returnedBy: actors.backoffice.id, returnedAt: at(4) },
};
export const confirmed: CaseEvent = {
  type: 'TypificationConfirmed',
  data: { confirmedBy: actors.backoffice.id, confirmedAt: at(4) },
};
export const informationRequested: CaseEvent = {
  type: 'InformationRequested',
  data: { message: 'Adjunte la factura', requestedBy: actors.backoffice.id, requestedAt: at(5), remainingBusinessDays: 12,
    // Within 10 business days of filing: it suspends the legal term. One month: 5 April 2026 is a Sunday.
    suspendsLegalTerm: true, tacitWithdrawalAt: '2026-04-06T23:59:59.999-05:00', customerSilenceDueAt: null },
};
export const respondedPending: CaseEvent = {
  type: 'ResponseSent',
  data: { body: 'Estamos revisando', outcome: 'pending', decision: 'favourable', decisionReason: null, respondedBy: actors.backoffice.id, respondedAt: at(9), counterReplyDeadline: '2026-03-12T23:59:59.999-05:00' },
};
export const respondedResolved: CaseEvent = {
  type: 'ResponseSent',
  data: { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable', decisionReason: null, respondedBy: actors.backoffice.id, respondedAt: at(9), counterReplyDeadline: '2026-03-12T23:59:59.999-05:00' },
};

/** One history per status the case can be in. */
export const HISTORIES = {
  none: [] as CaseEvent[],
  to_typify: [webCaseFiled],
  filed: [caseFiled, caseTypified],
  assigned: [caseFiled, caseTypified, assigned],
  returned: [caseFiled, caseTypified, assigned, returned],
  in_progress: [caseFiled, caseTypified, assigned, confirmed],
  awaiting_information: [caseFiled, caseTypified, assigned, confirmed, informationRequested],
  responded_pending: [caseFiled, caseTypified, assigned, confirmed, respondedPending],
  responded_resolved: [caseFiled, caseTypified, assigned, confirmed, respondedResolved],
  resolved_first_line: [
    { ...caseFiled, data: { ...caseFiled.data, kind: 'inquiry', legalTermDays: 30 } } as CaseEvent,
    { type: 'CaseTypified', data: { kind: 'inquiry', typology: 'general-information', motive: 'tariff', typifiedBy: actors.agent.id, legalTermDays: 30, dueAt: '2026-04-16T23:59:59.999-05:00', distinctMatter: false } } as CaseEvent,
    { type: 'CaseResolvedAtFirstLine', data: { resolution: 'Se explicó la tarifa', resolvedBy: actors.agent.id, resolvedAt: FILED_AT } } as CaseEvent,
  ],
  transferred: [caseFiled, caseTypified, { type: 'CaseTransferred', data: { entity: 'SIC', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia', toldAtOnce: true, transferredBy: actors.supervisor.id, transferredAt: at(3) } } as CaseEvent],
  closed: [caseFiled, caseTypified, { type: 'CaseClosed', data: { reason: 'Duplicado', closedBy: actors.supervisor.id, closedAt: at(3) } } as CaseEvent],
};
export type HistoryName = keyof typeof HISTORIES;

export function command<T extends CaseCommand['type']>(
  type: T,
  data: Extract<CaseCommand, { type: T }>['data'],
  actor: Actor,
  atInstant = at(10),
): CaseCommand {
  return { type, data, actor, at: atInstant } as CaseCommand;
}
export { at as march2026 };

/** The seed's filing (a duplicate-charge claim by phone), as the agent sends it at FILED_AT. */
export function fileClaimCommand(overrides: Partial<Extract<CaseCommand, { type: 'FileCase' }>['data']> = {}): CaseCommand {
  return command(
    'FileCase',
    {
      caseId: CASE_ID,
      filingNumber: '2026-000042',
      verificationCode: 'K7P2QX',
      kind: 'claim',
      typology: 'billing',
      motive: 'duplicate-charge',
      channel: 'phone',
      subject: 'Cobro duplicado en la factura de febrero',
      facts: 'El 15 de febrero se cobró dos veces el plan.',
      request: 'Reversar el cobro duplicado',
      attachments: [],
      petitionerId: PETITIONER_ID,
      petitioner,
      consent,
      ...overrides,
    },
    actors.agent,
    FILED_AT,
  );
}
