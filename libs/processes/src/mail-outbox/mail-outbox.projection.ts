import { CASE_EVENT_TYPES, isErasedPetitioner } from '@app/domain';
import type { CaseEventType, CaseFiled, EmailAddressee } from '@app/domain';
import { customerMailFor, CUSTOMER_MAIL_EVENT_TYPES, entityMailFor, entityMessageIdFor, messageIdFor, renderMail, sendsCustomerMail, sendsEntityMail } from '@app/mail';
import type { CaseMailFacts, MailSettings, RenderedMail } from '@app/mail';
import { caseIdOf, defineProjection, opensCase, settingsFingerprint } from '@app/projections';
import type { DocChanges, DocKey, DocKeys, Projection, ProjectionEvent } from '@app/projections';

export const MAIL_OUTBOX_COLLECTION = 'mail_outbox';
export const MAIL_OUTBOX_PROJECTION = 'mail-outbox';
/** Bump when the documents' shape changes. 3: messages keep no content (rendered when sent). 4: `addressee` (a transfer writes to the entity). */
const SCHEMA_VERSION = 4;

/**
 * The one place outside CaseFiled that holds the petitioner's address and name (Ley 1581): what the
 * outbox needs to write to the customer about a case. Id `recipient:<caseId>`.
 */
export interface MailRecipientDoc {
  kind: 'recipient';
  caseId: string;
  filingNumber: string;
  fullName: string;
  email: string;
}

/**
 * One message, id `message:<source eventId>` (to the petitioner) or `message:<source eventId>:entity`
 * (the petition a transfer sends the competent entity): what is owed and when, never its content or
 * address. The content is rendered when it is sent (`renderOutboxMessage`), from the source event
 * and the recipient document, so the address stays in one document and a rebuild renders nothing.
 */
export type MailOutboxMessageDoc = {
  kind: 'message';
  caseId: string;
  filingNumber: string;
  sourceEventId: string;
  sourceEventType: CaseEventType;
  /** The petitioner (the recipient document's address) or the competent entity (the transfer's `entityEmail`). */
  addressee: EmailAddressee;
  /** The source event's revision in the case's stream: where the sender reads it back. */
  sourceRevision: number;
  /** When the source event happened (epoch ms): a message older than the outbox's horizon is not sent. */
  sourceAtMs: number;
  messageId: string;
  /** Attempts recorded so far (EmailDeliveryFailed / EmailDelivered). */
  attempts: number;
  lastError: string | null;
} & (
  | { status: 'pending'; nextAttemptMs: number }
  | { status: 'delivered'; nextAttemptMs: null; deliveredAt: string }
);

/**
 * The documents an event of the outbox names (each only when it needs it): the case's recipient, the
 * message the event owes or records an attempt at, a transfer's message to the entity, and the
 * messages an erasure withdraws (`withdrawn<n>`, `withdrawnEntity<n>`).
 */
export interface MailOutboxDocs {
  recipient?: MailRecipientDoc;
  message?: MailOutboxMessageDoc;
  entityMessage?: MailOutboxMessageDoc;
  [withdrawn: `withdrawn${string}`]: MailOutboxMessageDoc;
}

export interface MailOutboxSettings extends MailSettings {
  /** The domain of the Message-IDs (the sender's domain). */
  messageIdDomain: string;
}

/** Events that write a message, or record an attempt at one. (A transfer's second message: `entityMessage`.) */
const NAMES_MESSAGE: ReadonlySet<string> = new Set([...CUSTOMER_MAIL_EVENT_TYPES, 'EmailDelivered', 'EmailDeliveryFailed']);
/** Events that keep, read or erase the recipient. */
const NEEDS_RECIPIENT: ReadonlySet<string> = new Set([...CUSTOMER_MAIL_EVENT_TYPES, 'PetitionerDataErased']);

/**
 * The email outbox read model (pure): each case event the customer hears about becomes a pending
 * message with a Message-ID stable per (case, event), rendered only when it is sent;
 * EmailDeliveryFailed moves its next attempt, EmailDelivered marks it delivered. Replayed from
 * position 0 it gives the same documents, so a rebuild sends nothing twice.
 */
export function createMailOutboxProjection(settings: MailOutboxSettings): Projection<MailOutboxDocs> {
  return defineProjection<MailOutboxDocs>({
    name: MAIL_OUTBOX_PROJECTION,
    version: SCHEMA_VERSION * 1_000_000 + fingerprint(settings),
    collections: [{ name: MAIL_OUTBOX_COLLECTION, indexes: [{ fields: ['status', 'nextAttemptMs'] }] }],
    handles: CASE_EVENT_TYPES,
    // Only the documents an event can read or change: most case events touch none, and naming
    // one would read it (and cache its absence) for every event of a catch-up.
    // Built key by key, not by spreads: see evolveCase on hidden classes.
    keysOf: (event) => {
      const keys: DocKeys<MailOutboxDocs> = {};
      if (NEEDS_RECIPIENT.has(event.type)) keys.recipient = { collection: MAIL_OUTBOX_COLLECTION, id: recipientDocId(caseIdOf(event)), created: opensCase(event) };
      // A message is keyed by the event that owes it: only that event creates it; delivery attempts name an older one.
      if (NAMES_MESSAGE.has(event.type)) keys.message = { collection: MAIL_OUTBOX_COLLECTION, id: messageDocId(messageSourceOf(event), addresseeOf(event)), created: !isDeliveryAttempt(event) };
      if (event.type === 'CaseTransferred') keys.entityMessage = { collection: MAIL_OUTBOX_COLLECTION, id: messageDocId(eventIdOf(event), 'entity'), created: true };
      if (event.type === 'PetitionerDataErased') Object.assign(keys, withdrawnMessageKeys(event.data.withdrawnMessages));
      return keys;
    },
    evolve: ({ recipient: recipientDoc, message, entityMessage: entityMessageDoc, ...withdrawn }, event) => {
      if (event.type === 'PetitionerDataErased') {
        // Suppression: the address, the name and every message of the case go, sent or not (nothing more is sent).
        return { recipient: null, ...Object.fromEntries(Object.keys(withdrawn).map((name) => [name, null])) };
      }
      if (event.type === 'EmailDelivered') {
        if (!message) return {};
        const delivered: MailOutboxMessageDoc = {
          ...withoutStatusFields(message),
          status: 'delivered',
          nextAttemptMs: null,
          attempts: Math.max(message.attempts, event.data.attempt),
          deliveredAt: event.data.deliveredAt,
        };
        return { message: delivered };
      }
      if (event.type === 'EmailDeliveryFailed') {
        if (!message || message.status !== 'pending' || event.data.attempt <= message.attempts) return {};
        const retry = { ...message, attempts: event.data.attempt, lastError: event.data.error, nextAttemptMs: Date.parse(event.data.nextAttemptAt) };
        return { message: retry };
      }
      const recipient = event.type === 'CaseFiled' ? recipientOf(event) : (recipientDoc ?? null);
      const changes: DocChanges<MailOutboxDocs> = event.type === 'CaseFiled' && recipient ? { recipient } : {};
      // No recipient: the petitioner was erased (nothing more goes out about them, not even to an entity).
      if (!recipient) return changes;
      const pending = !message && pendingMessage(event, recipient, settings);
      if (pending) changes.message = pending;
      const toEntity = !entityMessageDoc && sendsEntityMail(event) && pendingMessage(event, recipient, settings, 'entity');
      if (toEntity) changes.entityMessage = toEntity;
      return changes;
    },
  });
}

/** Every message a suppression withdraws: the petitioner's, and the petition to an entity (it holds the petitioner's data too). */
function withdrawnMessageKeys(sourceEventIds: readonly string[]): Record<`withdrawn${string}`, DocKey> {
  return Object.fromEntries(
    sourceEventIds.flatMap((id, index) => [
      [`withdrawn${index}`, { collection: MAIL_OUTBOX_COLLECTION, id: messageDocId(id, 'petitioner') }],
      [`withdrawnEntity${index}`, { collection: MAIL_OUTBOX_COLLECTION, id: messageDocId(id, 'entity') }],
    ]),
  );
}

/** The id of a message document: one per (source event, addressee). */
export function messageDocId(sourceEventId: string, addressee: EmailAddressee): string {
  return addressee === 'entity' ? `message:${sourceEventId}:entity` : `message:${sourceEventId}`;
}

/** Whom a delivery attempt was for (the petitioner for every other event). */
function addresseeOf(event: ProjectionEvent): EmailAddressee {
  return isDeliveryAttempt(event) ? (event.data.addressee ?? 'petitioner') : 'petitioner';
}

/** The event a message belongs to: its own id, or for a delivery attempt the event it delivers. */
function messageSourceOf(event: ProjectionEvent): string {
  return isDeliveryAttempt(event) ? event.data.sourceEventId : eventIdOf(event);
}

function isDeliveryAttempt(event: ProjectionEvent): event is Extract<ProjectionEvent, { type: 'EmailDelivered' | 'EmailDeliveryFailed' }> {
  return event.type === 'EmailDelivered' || event.type === 'EmailDeliveryFailed';
}

/** The store's eventId (always present in recorded events); the stream revision names the event otherwise. */
export function eventIdOf(event: ProjectionEvent): string {
  const eventId = event.metadata.eventId;
  return typeof eventId === 'string' ? eventId : `${event.streamId}@${event.revision}`;
}

function recipientOf(event: Extract<ProjectionEvent, { type: 'CaseFiled' }>): MailRecipientDoc | null {
  const { filingNumber, petitioner } = event.data;
  const caseId = caseIdOf(event);
  const email = petitioner.email?.trim();
  // Erased (a replay after suppression): nobody to write to, as the live outbox decided at the erasure.
  if (!email || isErasedPetitioner(petitioner)) return null;
  return { kind: 'recipient', caseId, filingNumber, fullName: petitioner.fullName, email };
}

function pendingMessage(event: ProjectionEvent, recipient: MailRecipientDoc, settings: MailOutboxSettings, addressee: EmailAddressee = 'petitioner'): MailOutboxMessageDoc | null {
  const { caseId, filingNumber } = recipient;
  // Whether the event writes to the customer at all (its type; a counter-reply only when late) is decided here;
  // the content is drafted and rendered only when the message is sent.
  if (addressee === 'petitioner' ? !sendsCustomerMail(event) : !sendsEntityMail(event)) return null;
  const sourceEventId = eventIdOf(event);
  const sourceAtMs = Date.parse(event.metadata.occurredAt);
  return {
    kind: 'message',
    caseId,
    filingNumber,
    sourceEventId,
    sourceEventType: event.type,
    addressee,
    sourceRevision: event.revision,
    sourceAtMs,
    messageId: (addressee === 'entity' ? entityMessageIdFor : messageIdFor)(caseId, sourceEventId, settings.messageIdDomain),
    attempts: 0,
    lastError: null,
    status: 'pending',
    nextAttemptMs: sourceAtMs,
  };
}

/** The id of a case's recipient document. */
export function recipientDocId(caseId: string): string {
  return `recipient:${caseId}`;
}

/**
 * A pending message's content, rendered as it is sent: from its source event (read back from the
 * event store), the recipient document and the current settings. Null when that event writes to nobody.
 */
export function renderOutboxMessage(
  source: ProjectionEvent,
  recipient: MailRecipientDoc,
  settings: MailSettings,
  facts: Omit<CaseMailFacts, 'filingNumber'> = {},
): RenderedMail | null {
  const { filingNumber, fullName } = recipient;
  const draft = customerMailFor(source, { ...facts, filingNumber }, settings);
  return draft && renderMail(draft, { filingNumber, fullName }, settings);
}

/**
 * The petition a transfer sends the competent entity, rendered as it is sent from the transfer and
 * the case's CaseFiled (read back): its address and content. Null when the event writes to no entity
 * or the petitioner's data reads `[erased]` (nothing of theirs goes out after a suppression).
 */
export function renderEntityMessage(source: ProjectionEvent, filing: CaseFiled['data'], settings: MailSettings): (RenderedMail & { to: string }) | null {
  if (isErasedPetitioner(filing.petitioner)) return null;
  const mail = entityMailFor(source, filing);
  return mail && { to: mail.to, ...renderMail(mail.draft, { filingNumber: filing.filingNumber, fullName: source.type === 'CaseTransferred' ? source.data.entity : '' }, settings) };
}

function withoutStatusFields(message: MailOutboxMessageDoc) {
  const { caseId, filingNumber, sourceEventId, sourceEventType, addressee, sourceRevision, sourceAtMs, messageId, attempts, lastError } = message;
  return { kind: message.kind, caseId, filingNumber, sourceEventId, sourceEventType, addressee, sourceRevision, sourceAtMs, messageId, attempts, lastError };
}

/** A new sender's domain (the Message-IDs) rebuilds the outbox; the other settings are read when each message is sent. */
function fingerprint({ messageIdDomain }: MailOutboxSettings): number {
  return settingsFingerprint({ messageIdDomain });
}
