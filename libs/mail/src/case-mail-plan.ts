import type { CaseEvent } from '@app/domain';
import { MailDraft, MailSettings } from './mail-content';
import { caseClosure } from './templates/case-closure.template';
import { caseResponse } from './templates/case-response.template';
import { caseTransfer } from './templates/case-transfer.template';
import { deadlineExtension } from './templates/deadline-extension.template';
import { filingAcknowledgement } from './templates/filing-acknowledgement.template';
import { informationPeriodExtension } from './templates/information-period-extension.template';
import { informationRequest } from './templates/information-request.template';
import { lateCounterReply } from './templates/late-counter-reply.template';

/** The case events the customer hears about by email (issue 6; DOMAIN.md's lifecycle). */
export const CUSTOMER_MAIL_EVENT_TYPES = [
  'CaseFiled',
  'InformationRequested',
  'InformationPeriodExtended',
  'ResponseSent',
  'DeadlineExtended',
  'CaseTransferred',
  'CaseClosed',
  // Only a `late` email gets an answer (lateCounterReply).
  'CustomerEmailReceived',
] as const;

/** What the outbox knows of a case from its CaseFiled: the number to cite. */
export interface CaseMailFacts {
  filingNumber: string;
}

const MAIL_EVENT_TYPES: ReadonlySet<string> = new Set(CUSTOMER_MAIL_EVENT_TYPES);

/** Whether the event writes to the customer, without drafting the message (the outbox decides this for every event). */
export function sendsCustomerMail(event: CaseEvent): boolean {
  if (!MAIL_EVENT_TYPES.has(event.type)) return false;
  return event.type !== 'CustomerEmailReceived' || (event.data.disposition === 'late' && Boolean(event.data.counterReplyDeadline));
}

/** The draft the customer receives for an event, or null when that event sends nothing (see `sendsCustomerMail`). */
export function customerMailFor(event: CaseEvent, facts: CaseMailFacts, settings: MailSettings): MailDraft | null {
  if (!sendsCustomerMail(event)) return null;
  switch (event.type) {
    case 'CaseFiled':
      return filingAcknowledgement(event.data, settings);
    case 'InformationRequested':
      return informationRequest(event.data);
    case 'InformationPeriodExtended':
      return informationPeriodExtension(event.data);
    case 'ResponseSent':
      return caseResponse(event.data);
    case 'DeadlineExtended':
      return deadlineExtension(event.data);
    case 'CaseTransferred':
      return caseTransfer(event.data);
    case 'CaseClosed':
      return caseClosure(facts, settings);
    case 'CustomerEmailReceived': {
      // sendsCustomerMail let through a late email only, which names the window that had closed.
      const { counterReplyDeadline } = event.data;
      return counterReplyDeadline ? lateCounterReply({ filingNumber: facts.filingNumber, counterReplyDeadline }, settings) : null;
    }
    default:
      return null;
  }
}

/**
 * One Message-ID per (case, event): a delivery repeated after a crash between sending and
 * recording carries the same id, so the receiving side can drop the duplicate.
 */
export function messageIdFor(caseId: string, eventId: string, domain: string): string {
  return `<pqr.${caseId}.${eventId}@${domain}>`;
}
