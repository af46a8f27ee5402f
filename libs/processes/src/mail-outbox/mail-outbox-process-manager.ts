import { caseStreamId, DomainError } from '@app/domain';
import type { CaseFiled, EmailAddressee, RecordEmailDelivered, RecordEmailDeliveryFailed } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { MailSettings, MailTransport, RenderedMail } from '@app/mail';
import type { Projection, ProjectionEvent } from '@app/projections';
import { eventIdOf, MAIL_OUTBOX_COLLECTION, messageDocId, recipientDocId, renderEntityMessage, renderOutboxMessage } from './mail-outbox.projection';
import type { MailOutboxMessageDoc, MailRecipientDoc } from './mail-outbox.projection';
import type { ReadStore } from '@app/read-store';
import { ProcessManagerBase, ProcessManagerOptions } from '@app/projector';
import type { ProjectionStatus } from '@app/projector';
import { toProjectionEvent } from '@app/projector';
import { DEFAULT_MAIL_RETRY, MailRetryPolicy, nextAttemptAt } from './mail-retry';

type WithoutContext<T> = T extends unknown ? Omit<T, 'actor' | 'at'> : never;
type PendingMessage = Extract<MailOutboxMessageDoc, { status: 'pending' }>;
export type MailOutcomeCommand = WithoutContext<RecordEmailDelivered | RecordEmailDeliveryFailed>;
/** Records one attempt's outcome through the command path; resolves with whether it appended or found its earlier result. */
export type MailCommandSender = (caseId: string, command: MailOutcomeCommand, commandId: string) => Promise<'appended' | 'replayed'>;

export interface MailDelivery {
  caseId: string;
  sourceEventId: string;
  addressee: EmailAddressee;
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


/**
 * The deterministic command id of an attempt's outcome: one delivery per message, one failure per
 * attempt. The petition a transfer sends the entity: `mail:<eventId>:entity:…`.
 */
export function mailCommandId(sourceEventId: string, outcome: 'delivered' | 'failed', attempt: number, addressee: EmailAddressee = 'petitioner'): string {
  const message = addressee === 'entity' ? `${sourceEventId}:entity` : sourceEventId;
  return outcome === 'delivered' ? `mail:${message}:delivered` : `mail:${message}:failed:${attempt}`;
}

/** How many events a filing's command appends at most (CaseFiled, CaseTypified, CaseResolvedAtFirstLine). */
const FILING_EVENTS = 3;

/**
 * The email outbox process manager (issue 6). Its read model (`mail_outbox`) is a projection with
 * its own checkpoint, fed by a Projector; at each tick it catches up, then hands every message due
 * by `now` to the transport and records the outcome as a case event (EmailDelivered or
 * EmailDeliveryFailed with the next attempt, exponential backoff) with a deterministic command id.
 * A crash between the transport accepting a message and the record sends it again with the same
 * Message-ID, which the receiving side drops. No address ever reaches the log or an event.
 */
export class MailOutboxProcessManager extends ProcessManagerBase<MailDelivery> {
  /** Messages (document ids) this process will not try again: delivered by another process, or nothing left to render. */
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
    // Documents written before the outbox's schema 4 are rebuilt on start; the default covers a read in between.
    const addressee = message.addressee ?? 'petitioner';
    const key = messageDocId(sourceEventId, addressee);
    const attempt = message.attempts + 1;
    if (this.refused.has(key)) return null;
    const ref = { sourceEventId, sourceEventType, messageId, attempt, addressee };
    const base = { caseId, sourceEventId, addressee, messageId, attempt };
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
      this.refused.add(key);
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
        await this.options.send(caseId, { type: 'RecordEmailDelivered', data: ref }, mailCommandId(sourceEventId, 'delivered', attempt, addressee));
        return { ...base, outcome: 'delivered' };
      }
      const retryAt = nextAttemptAt(this.options.retry ?? DEFAULT_MAIL_RETRY, attempt, this.options.now());
      this.log(`mail: ${messageId} attempt ${attempt} failed, next at ${retryAt}: ${error}`);
      await this.options.send(caseId, { type: 'RecordEmailDeliveryFailed', data: { ...ref, error, nextAttemptAt: retryAt } }, mailCommandId(sourceEventId, 'failed', attempt, addressee));
      return { ...base, outcome: 'failed', error };
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      // Already delivered by another process (the decider refuses): not tried again in this one.
      if (cause instanceof DomainError) this.refused.add(key);
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
    // A filing reads the rest of its command too: a resolution at first line changes what the acknowledgement says.
    const last = message.sourceEventType === 'CaseFiled' && message.addressee !== 'entity' ? revision + FILING_EVENTS - 1 : revision;
    const recorded = await this.events.readStream(caseStreamId(message.caseId), { fromRevision: revision, toRevision: last });
    const source = recorded[0] ? toProjectionEvent(recorded[0]) : null;
    if (!source || eventIdOf(source) !== message.sourceEventId) return null;
    if (message.addressee === 'entity') {
      const filing = await this.filingOf(message.caseId);
      return filing && renderEntityMessage(source, filing, this.options.settings);
    }
    const sameCommand = recorded.filter((event) => event.metadata.commandId !== undefined && event.metadata.commandId === recorded[0].metadata.commandId).map(toProjectionEvent);
    const resolved = sameCommand.find((event): event is Extract<ProjectionEvent, { type: 'CaseResolvedAtFirstLine' }> => event?.type === 'CaseResolvedAtFirstLine');
    const awaitingTypification = source.type === 'CaseFiled' && !sameCommand.some((event) => event?.type === 'CaseTypified');
    const content = renderOutboxMessage(source, recipient.data, this.options.settings, { firstLineResolution: resolved?.data.resolution ?? null, awaitingTypification });
    return content && { to: recipient.data.email, ...content };
  }

  /** The case's CaseFiled, read back (what a transfer sends the competent entity). */
  private async filingOf(caseId: string): Promise<CaseFiled['data'] | null> {
    const [recorded] = await this.events.readStream(caseStreamId(caseId), { fromRevision: 0, toRevision: 0 });
    const filed = recorded ? toProjectionEvent(recorded) : null;
    return filed?.type === 'CaseFiled' ? filed.data : null;
  }
}

/** A server's refusal often quotes the recipient: no address goes into an event or a log line. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'@,;:]+@[^\s<>"'@,;:]+/g, '<address>').slice(0, 500);
}
