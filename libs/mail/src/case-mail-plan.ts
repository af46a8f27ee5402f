import { CHANNEL_NAMES } from '@app/domain';
import type { CaseEvent, CaseFiled, Channel } from '@app/domain';
import { MailDraft, MailSettings } from './mail-content';
import { caseClosure } from './templates/case-closure.template';
import { caseResponse } from './templates/case-response.template';
import { caseTransfer, petitionTransfer } from './templates/case-transfer.template';
import { deadlineExtension } from './templates/deadline-extension.template';
import { filingAcknowledgement } from './templates/filing-acknowledgement.template';
import { firstLineResolution } from './templates/first-line-resolution.template';
import { tacitWithdrawal } from './templates/tacit-withdrawal.template';
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
  // Art. 17: the tacit withdrawal is a reasoned decision, notified to the petitioner.
  'CaseWithdrawn',
  // Only a `late` email gets an answer (lateCounterReply).
  'CustomerEmailReceived',
] as const;

/** What the outbox knows of a case from its CaseFiled: the number to cite. */
export interface CaseMailFacts {
  filingNumber: string;
  /**
   * The resolution, when the filing's own command resolved it at first line (CaseResolvedAtFirstLine
   * appended with the CaseFiled): the acknowledgement then says so and promises no due date.
   */
  firstLineResolution?: string | null;
  /** The filing's command recorded no CaseTypified (the customer filed on the web): an agent will typify it. */
  awaitingTypification?: boolean;
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
      return facts.firstLineResolution
        ? firstLineResolution({ ...event.data, resolution: facts.firstLineResolution }, settings)
        : filingAcknowledgement({ ...event.data, awaitingTypification: facts.awaitingTypification ?? false }, settings);
    case 'InformationRequested':
      return informationRequest({ ...event.data, filingNumber: facts.filingNumber }, settings);
    case 'InformationPeriodExtended':
      return informationPeriodExtension(event.data);
    case 'ResponseSent':
      return caseResponse({ ...event.data, filingNumber: facts.filingNumber }, settings);
    case 'DeadlineExtended':
      return deadlineExtension(event.data);
    case 'CaseTransferred':
      return caseTransfer(event.data);
    case 'CaseClosed':
      return caseClosure(facts, settings);
    case 'CaseWithdrawn':
      return tacitWithdrawal({ filingNumber: facts.filingNumber, ...event.data });
    case 'CustomerEmailReceived': {
      // sendsCustomerMail let through a late email only, which names the window that had closed.
      const { counterReplyDeadline } = event.data;
      return counterReplyDeadline ? lateCounterReply({ filingNumber: facts.filingNumber, counterReplyDeadline }, settings) : null;
    }
    default:
      return null;
  }
}

/** Whether the event also writes to someone other than the petitioner: a transfer sends the petition to the competent entity's address. */
export function sendsEntityMail(event: CaseEvent): event is Extract<CaseEvent, { type: 'CaseTransferred' }> & { data: { entityEmail: string } } {
  return event.type === 'CaseTransferred' && Boolean(event.data.entityEmail?.trim());
}

/**
 * The petition as a transfer sends it to the competent entity (art. 21), from the case's CaseFiled:
 * its address and the draft; null when the event sends nothing to an entity.
 */
export function entityMailFor(event: CaseEvent, filing: CaseFiled['data']): { to: string; draft: MailDraft } | null {
  if (!sendsEntityMail(event)) return null;
  const { entity, reason, transferredAt, entityEmail } = event.data;
  const draft = petitionTransfer({
    entity,
    reason,
    transferredAt,
    filingNumber: filing.filingNumber,
    filedAt: filing.filedAt,
    channel: CHANNEL_NAMES[filing.channel as Channel] ?? filing.channel,
    subject: filing.subject,
    facts: filing.facts,
    request: filing.request,
    petitioner: filing.petitioner,
    attachmentNames: filing.attachments.map((attachment) => attachment.name),
  });
  return { to: entityEmail.trim(), draft };
}

/** The Message-ID of the petition a transfer sends the competent entity: stable per (case, event), apart from the petitioner's copy. */
export function entityMessageIdFor(caseId: string, eventId: string, domain: string): string {
  return messageIdFor(caseId, `${eventId}.entity`, domain);
}

/**
 * One Message-ID per (case, event): a delivery repeated after a crash between sending and
 * recording carries the same id, so the receiving side can drop the duplicate.
 */
export function messageIdFor(caseId: string, eventId: string, domain: string): string {
  return `<pqr.${caseId}.${eventId}@${domain}>`;
}
