import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { StoredAttachmentRef } from '@app/domain';
import { EVENT_STORE, EventStore, NewEvent } from '@app/event-store';

/** The unmatched mail queue: one stream in the event store (durable, append-only; not a case stream, so projections skip it). */
export const UNMATCHED_MAIL_STREAM = 'unmatched-mail';
export const UNMATCHED_EMAIL_RECEIVED = 'UnmatchedEmailReceived';
export const UNMATCHED_EMAIL_ATTACHED = 'UnmatchedEmailAttached';

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
}

@Injectable()
export class UnmatchedMailLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(email: Omit<UnmatchedEmail, 'unmatchedId' | 'attachedTo'>, correlationId: string): Promise<UnmatchedEmail> {
    const unmatched = { ...email, unmatchedId: randomUUID() };
    await this.append(UNMATCHED_EMAIL_RECEIVED, { ...unmatched }, 'system:mail', email.receivedAt, correlationId, 'any');
    return { ...unmatched, attachedTo: null };
  }

  /** Every email of the queue, oldest first, with what became of it; `revision` guards a concurrent attachment. */
  async list(): Promise<{ emails: UnmatchedEmail[]; revision: number | 'no_stream' }> {
    const events = await this.store.readStream(UNMATCHED_MAIL_STREAM);
    const emails = new Map<string, UnmatchedEmail>();
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      if (event.type === UNMATCHED_EMAIL_RECEIVED) emails.set(String(data.unmatchedId), { ...(data as unknown as UnmatchedEmail), attachedTo: null });
      if (event.type === UNMATCHED_EMAIL_ATTACHED) {
        const email = emails.get(String(data.unmatchedId));
        if (email) email.attachedTo = { caseId: String(data.caseId), attachedBy: event.metadata.actorId, attachedAt: event.metadata.occurredAt };
      }
    }
    return { emails: [...emails.values()], revision: events.length === 0 ? 'no_stream' : events[events.length - 1].revision };
  }

  /** Records the attachment, if nobody changed the queue since `revision` was read (else the store's conflict, 409). */
  async markAttached(unmatchedId: string, caseId: string, actorId: string, at: string, revision: number): Promise<void> {
    await this.append(UNMATCHED_EMAIL_ATTACHED, { unmatchedId, caseId }, actorId, at, unmatchedId, revision);
  }

  private async append(type: string, data: Record<string, unknown>, actorId: string, at: string, correlationId: string, expectedRevision: number | 'any') {
    const event: NewEvent = {
      type,
      data,
      metadata: { eventId: randomUUID(), schemaVersion: 1, correlationId, causationId: correlationId, actorId, occurredAt: at },
    };
    await this.store.appendToStream(UNMATCHED_MAIL_STREAM, [event], { expectedRevision });
  }
}
