import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { StoredAttachmentRef } from '@app/domain';
import { decryptField, encryptField, EncryptedEnvelope, EVENT_STORE, EventStore, isEncryptedEnvelope, NewEvent } from '@app/event-store';
import { KEY_STORE, KeyStore } from '@app/key-store';

/** The unmatched mail queue: one stream in the event store (durable, append-only; not a case stream, so projections skip it). */
export const UNMATCHED_MAIL_STREAM = 'unmatched-mail';
export const UNMATCHED_EMAIL_RECEIVED = 'UnmatchedEmailReceived';
export const UNMATCHED_EMAIL_ATTACHED = 'UnmatchedEmailAttached';
/** An admin erased the email on its own (e.g. at the sender's request): its key is destroyed. */
export const UNMATCHED_EMAIL_ERASED = 'UnmatchedEmailErased';
/** What stands where an unmatched email's content was, once its key is gone. */
export const UNMATCHED_ERASED_MARK = '[erased]';

/**
 * The key an unmatched email's content is encrypted under: its own, in the petitioners' key store
 * under an id no petitionerId can take (those are 64 hex digits). Destroyed when the email is
 * attached to a case (its content is then the case's, under the petitioner's key) or erased.
 */
export const unmatchedKeyOwner = (unmatchedId: string) => `unmatched:${unmatchedId}`;

/** UnmatchedEmailReceived v2: subject, body and attachments in one envelope (`content`); v1 held them in clear. */
const RECEIVED_SCHEMA_VERSION = 2;
/** The envelope is bound to its event and field: moved elsewhere, it does not decrypt. */
const contentAad = (eventId: string) => `${eventId}:content`;

/** What is kept of an email no case claimed: no sender address (Ley 1581); a supervisor reads the text and attaches it. */
export interface UnmatchedEmail {
  unmatchedId: string;
  messageId: string | null;
  subject: string;
  body: string;
  attachments: StoredAttachmentRef[];
  automatic: boolean;
  receivedAt: string;
  /** Set once a supervisor attached it to a case. */
  attachedTo: { caseId: string; attachedBy: string; attachedAt: string } | null;
  /** Set once an admin erased it: subject and body read `[erased]`, no attachments. */
  erased: { erasedBy: string; erasedAt: string } | null;
}

type UnmatchedContent = Pick<UnmatchedEmail, 'subject' | 'body' | 'attachments'>;

@Injectable()
export class UnmatchedMailLog {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  /** Queues the email with its subject, body and attachment names encrypted under a key of its own. */
  async record(email: Omit<UnmatchedEmail, 'unmatchedId' | 'attachedTo' | 'erased'>, correlationId: string, unmatchedId: string = randomUUID()): Promise<UnmatchedEmail> {
    const { subject, body, attachments, ...clear } = email;
    const eventId = randomUUID();
    const content: UnmatchedContent = { subject, body, attachments };
    const envelope = encryptField(content, await this.keys.keyFor(unmatchedKeyOwner(unmatchedId)), contentAad(eventId));
    await this.append(UNMATCHED_EMAIL_RECEIVED, { ...clear, unmatchedId, content: envelope }, 'system:mail', email.receivedAt, correlationId, 'any', eventId, RECEIVED_SCHEMA_VERSION);
    return { ...email, unmatchedId, attachedTo: null, erased: null };
  }

  /** Every email of the queue, oldest first, with what became of it; `revision` guards a concurrent attachment. */
  async list(): Promise<{ emails: UnmatchedEmail[]; revision: number | 'no_stream' }> {
    const events = await this.store.readStream(UNMATCHED_MAIL_STREAM);
    const envelopes = events.flatMap((event) => (event.type === UNMATCHED_EMAIL_RECEIVED && isEncryptedEnvelope(event.data.content) ? [event.data.content] : []));
    const keys = await this.keys.findKeys([...new Set(envelopes.map((envelope) => envelope.keyId))]);
    const emails = new Map<string, UnmatchedEmail>();
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      const email = emails.get(String(data.unmatchedId));
      if (event.type === UNMATCHED_EMAIL_RECEIVED) {
        const { content: _content, ...clear } = data;
        emails.set(String(data.unmatchedId), { ...(clear as unknown as UnmatchedEmail), ...contentOf(data, event.metadata.eventId, keys), attachedTo: null, erased: null });
      }
      if (event.type === UNMATCHED_EMAIL_ATTACHED && email) email.attachedTo = { caseId: String(data.caseId), attachedBy: event.metadata.actorId, attachedAt: event.metadata.occurredAt };
      if (event.type === UNMATCHED_EMAIL_ERASED && email) email.erased = { erasedBy: event.metadata.actorId, erasedAt: event.metadata.occurredAt };
    }
    return { emails: [...emails.values()], revision: events.length === 0 ? 'no_stream' : events[events.length - 1].revision };
  }

  /** Records the attachment, if nobody changed the queue since `revision` was read (else the store's conflict, 409). */
  async markAttached(unmatchedId: string, caseId: string, actorId: string, at: string, revision: number): Promise<void> {
    await this.append(UNMATCHED_EMAIL_ATTACHED, { unmatchedId, caseId }, actorId, at, unmatchedId, revision);
  }

  /** Destroys the email's own key (its content is unreadable from this instant on); true when there was one. */
  async destroyKey(unmatchedId: string): Promise<boolean> {
    return (await this.keys.destroyKeysOf(unmatchedKeyOwner(unmatchedId))) > 0;
  }

  /** Records the erasure, if nobody changed the queue since `revision` was read (else the store's conflict, 409). */
  async markErased(unmatchedId: string, actorId: string, at: string, revision: number, correlationId: string): Promise<void> {
    await this.append(UNMATCHED_EMAIL_ERASED, { unmatchedId }, actorId, at, correlationId, revision);
  }

  private async append(
    type: string,
    data: Record<string, unknown>,
    actorId: string,
    at: string,
    correlationId: string,
    expectedRevision: number | 'any',
    eventId: string = randomUUID(),
    schemaVersion = 1,
  ) {
    const event: NewEvent = {
      type,
      data,
      metadata: { eventId, schemaVersion, correlationId, causationId: correlationId, actorId, occurredAt: at },
    };
    await this.store.appendToStream(UNMATCHED_MAIL_STREAM, [event], { expectedRevision });
  }
}

/** The email's content: v1 in clear; v2 decrypted with its own key, or `[erased]` once the key is gone. */
function contentOf(data: Record<string, unknown>, eventId: string, keys: Map<string, { key: Buffer }>): UnmatchedContent {
  const envelope = data.content;
  if (!isEncryptedEnvelope(envelope)) return { subject: String(data.subject ?? ''), body: String(data.body ?? ''), attachments: (data.attachments ?? []) as StoredAttachmentRef[] };
  const key = keys.get((envelope as EncryptedEnvelope).keyId);
  if (!key) return { subject: UNMATCHED_ERASED_MARK, body: UNMATCHED_ERASED_MARK, attachments: [] };
  return decryptField(envelope, key.key, contentAad(eventId)) as UnmatchedContent;
}
