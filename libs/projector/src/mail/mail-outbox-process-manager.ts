import { caseStreamId, DomainError } from '@app/domain';
import type { RecordEmailDelivered, RecordEmailDeliveryFailed } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { MailSettings, MailTransport, RenderedMail } from '@app/mail';
import { eventIdOf, MAIL_OUTBOX_COLLECTION, recipientDocId, renderOutboxMessage } from '@app/projections';
import type { MailOutboxMessageDoc, MailRecipientDoc, Projection } from '@app/projections';
import type { ReadStore } from '@app/read-store';
import type { ProjectionStatus } from '../projector';
import { ProcessManagerBase, ProcessManagerOptions } from '../process-manager-base';
import { toProjectionEvent } from '../to-projection-event';
import { DEFAULT_MAIL_RETRY, MailRetryPolicy, nextAttemptAt } from './mail-retry';

type WithoutContext<T> = T extends unknown ? Omit<T, 'actor' | 'at'> : never;
type PendingMessage = Extract<MailOutboxMessageDoc, { status: 'pending' }>;
export type MailOutcomeCommand = WithoutContext<RecordEmailDelivered | RecordEmailDeliveryFailed>;
/** Records one attempt's outcome through the command path; resolves with whether it appended or found its earlier result. */
export type MailCommandSender = (caseId: string, command: MailOutcomeCommand, commandId: string) => Promise<'appended' | 'replayed'>;

export interface MailDelivery {
  caseId: string;
  sourceEventId: string;
  messageId: string;
  attempt: number;
  /** `delivered` / `failed`: recorded; `unrecorded`: the store refused or was down, the message stays due. */
  outcome: 'delivered' | 'failed' | 'unrecorded';
  error?: string;
}

export interface MailOutboxOptions extends ProcessManagerOptions {
  send: MailCommandSender;
  transport: MailTransport;
  /** The From address of every message. */
  from: string;
  /** How the company signs and links its messages: each one is rendered with them when it is sent. */
  settings: MailSettings;
  /** False: keep the outbox read model up to date, send nothing (another process delivers, or mail is off). */
  acting: boolean;
  /** A message whose event is older than this is not sent (a first start on an old history mails nobody). */
  maxAgeMs: number;
  retry?: MailRetryPolicy;
}

export interface MailOutboxStatus {
  acting: boolean;
  outbox: ProjectionStatus | undefined;
}


/** The deterministic command id of an attempt's outcome: one delivery per message, one failure per attempt. */
export function mailCommandId(sourceEventId: string, outcome: 'delivered' | 'failed', attempt: number): string {
  return outcome === 'delivered' ? `mail:${sourceEventId}:delivered` : `mail:${sourceEventId}:failed:${attempt}`;
}

/**
 * The email outbox process manager (issue 6). Its read model (`mail_outbox`) is a projection with
 * its own checkpoint, fed by a Projector; at each tick it catches up, then hands every message due
 * by `now` to the transport and records the outcome as a case event (EmailDelivered or
 * EmailDeliveryFailed with the next attempt, exponential backoff) with a deterministic command id.
 * A crash between the transport accepting a message and the record sends it again with the same
 * Message-ID, which the receiving side drops. No address ever reaches the log or an event.
 */
export class MailOutboxProcessManager extends ProcessManagerBase<MailDelivery> {
  /** Source events whose message this process will not try again: delivered by another process, or nothing left to render. */
  private readonly refused = new Set<string>();

  constructor(
    private readonly events: EventStore,
    readStore: ReadStore,
    projection: Projection,
    private readonly options: MailOutboxOptions,
  ) {
    super(events, readStore, projection, { ...options, name: 'mail' });
  }

  status(): MailOutboxStatus {
    return { acting: this.options.acting, outbox: this.readModelStatus() };
  }

  protected async tick(): Promise<MailDelivery[]> {
    await this.projector.catchUp();
    if (!this.options.acting) return [];
    const now = this.options.now();
    const deliveries: MailDelivery[] = [];
    for (const message of await this.dueMessages(now.getTime())) {
      const delivery = await this.deliver(message);
      if (delivery) deliveries.push(delivery);
    }
    if (deliveries.some((delivery) => delivery.outcome !== 'unrecorded')) await this.projector.catchUp();
    return deliveries;
  }

  private dueMessages(nowMs: number): Promise<PendingMessage[]> {
    return this.findAll<PendingMessage>(MAIL_OUTBOX_COLLECTION, {
      where: [
        { field: 'status', op: 'eq', value: 'pending' },
        { field: 'nextAttemptMs', op: 'lte', value: nowMs },
        { field: 'sourceAtMs', op: 'gte', value: nowMs - this.options.maxAgeMs },
      ],
      sort: [{ field: 'nextAttemptMs', direction: 'asc' }],
    });
  }

  private async deliver(message: PendingMessage): Promise<MailDelivery | null> {
    const { caseId, sourceEventId, sourceEventType, messageId } = message;
    const attempt = message.attempts + 1;
    if (this.refused.has(sourceEventId)) return null;
    const ref = { sourceEventId, sourceEventType, messageId, attempt };
    const base = { caseId, sourceEventId, messageId, attempt };
    let content: (RenderedMail & { to: string }) | null;
    try {
      content = await this.render(message);
    } catch (cause) {
      // The stores are down: nothing was sent, the message stays due.
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.log(`mail: ${messageId} not rendered: ${reason}`);
      return { ...base, outcome: 'unrecorded', error: reason };
    }
    if (!content) {
      this.refused.add(sourceEventId);
      this.log(`mail: ${messageId} has no recipient or source event any more: not sent`);
      return null;
    }
    let error: string | undefined;
    try {
      await this.options.transport.deliver({ from: this.options.from, messageId, ...content });
    } catch (cause) {
      error = withoutAddresses(cause instanceof Error ? cause.message : String(cause));
    }
    try {
      if (error === undefined) {
        await this.options.send(caseId, { type: 'RecordEmailDelivered', data: ref }, mailCommandId(sourceEventId, 'delivered', attempt));
        return { ...base, outcome: 'delivered' };
      }
      const retryAt = nextAttemptAt(this.options.retry ?? DEFAULT_MAIL_RETRY, attempt, this.options.now());
      this.log(`mail: ${messageId} attempt ${attempt} failed, next at ${retryAt}: ${error}`);
      await this.options.send(caseId, { type: 'RecordEmailDeliveryFailed', data: { ...ref, error, nextAttemptAt: retryAt } }, mailCommandId(sourceEventId, 'failed', attempt));
      return { ...base, outcome: 'failed', error };
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      // Already delivered by another process (the decider refuses): not tried again in this one.
      if (cause instanceof DomainError) this.refused.add(sourceEventId);
      this.log(`mail: ${messageId} attempt ${attempt} not recorded: ${reason}`);
      return { ...base, outcome: 'unrecorded', error: reason };
    }
  }

  /**
   * The message's address and content, rendered now from the recipient document and the source
   * event read back from the case's stream; null when either is gone (an erased petitioner's
   * messages are withdrawn with the address).
   */
  private async render(message: PendingMessage): Promise<(RenderedMail & { to: string }) | null> {
    const recipient = await this.readStore.get<MailRecipientDoc>(MAIL_OUTBOX_COLLECTION, recipientDocId(message.caseId));
    if (!recipient) return null;
    const revision = message.sourceRevision;
    const [recorded] = await this.events.readStream(caseStreamId(message.caseId), { fromRevision: revision, toRevision: revision });
    const source = recorded ? toProjectionEvent(recorded) : null;
    if (!source || eventIdOf(source) !== message.sourceEventId) return null;
    const content = renderOutboxMessage(source, recipient.data, this.options.settings);
    return content && { to: recipient.data.email, ...content };
  }
}

/** A server's refusal often quotes the recipient: no address goes into an event or a log line. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'@,;:]+@[^\s<>"'@,;:]+/g, '<address>').slice(0, 500);
}
