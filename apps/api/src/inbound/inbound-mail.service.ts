import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { CaseErrors, caseStreamId, DomainError, MAIL_ACTOR_ID } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import type { Actor, CustomerEmailDisposition, StoredAttachmentRef } from '@app/domain';
import { CASES_COLLECTION, CaseView } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { toOffsetIso } from '../command-handling/case-event';
import { AppConfig } from '../config/app-config';
import { executeAs, SystemCommandExecutor } from '../command-handling/process-commands';
import { Clock } from '../storage/clock';
import { AttachmentStore, legacyCaseAttachmentsOwner, ReceivedAttachment, unmatchedAttachmentsOwner } from './attachment-store';
import { deleteAttachmentsOf } from '../personal-data/personal-data-files';
import { isAutomatic, textOfHtml, threadingKeysOf, withoutQuotedHistory } from './inbound-threading';
import { UnmatchedEmail, UnmatchedMailLog } from './unmatched-mail.log';

const MAIL_ACTOR: Actor = { id: MAIL_ACTOR_ID, roles: [] };
const MAX_BODY_CHARACTERS = 20_000;

/** What an inbound email became: threaded into a case (with the disposition the decider chose), or queued as unmatched. */
export type InboundOutcome =
  | { outcome: CustomerEmailDisposition; caseId: string; position: number; replayed: boolean }
  | { outcome: 'unmatched'; unmatchedId: string };

/** An email's content as the case keeps it. */
type EmailContent = Omit<UnmatchedEmail, 'unmatchedId' | 'attachedTo' | 'erased' | 'receivedAt'>;

/**
 * The customer's emails back into their case (issue 6): threaded by our Message-ID in In-Reply-To /
 * References, else by the filing number in the subject; the decider decides what the email is for
 * the case (information, counter-reply, late, a note). Unmatched emails wait in a queue a supervisor
 * reads. A gateway that posts the same message twice appends nothing the second time (the command
 * id comes from its Message-ID).
 */
@Injectable()
export class InboundMailService {
  private readonly execute: SystemCommandExecutor;
  private readonly dataDir: string;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    bus: CommandBus,
    private readonly attachments: AttachmentStore,
    private readonly unmatched: UnmatchedMailLog,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    config: AppConfig,
  ) {
    this.execute = executeAs(bus, MAIL_ACTOR);
    this.dataDir = config.DATA_DIR;
  }

  async receive(raw: Buffer): Promise<InboundOutcome> {
    const parsed = await simpleParser(raw);
    const { content, files } = this.contentOf(parsed);
    const commandId = `inbound:${createHash('sha256').update(content.messageId ?? raw).digest('hex')}`;
    for (const caseId of await this.candidateCases(parsed)) {
      const owner = await this.attachmentOwnerOf(caseId);
      if (owner === null) continue;
      // The files first: the event never names a file that is not on disk.
      this.attachments.keep(owner, files);
      try {
        return await this.thread(caseId, content, commandId);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'CASE.NOT_FOUND')) throw error;
      }
    }
    const unmatchedId = randomUUID();
    this.attachments.keep(unmatchedAttachmentsOwner(unmatchedId), files);
    const queued = await this.unmatched.record({ ...content, receivedAt: toOffsetIso(this.clock.now()) }, commandId, unmatchedId);
    return { outcome: 'unmatched', unmatchedId: queued.unmatchedId };
  }

  /**
   * A supervisor attaches a queued email to a case: the same threading as if it had named the case.
   * Its content then lives in the case (CustomerEmailReceived, under the petitioner's key) and the
   * email's own key is destroyed: the queued copy becomes unreadable.
   */
  async attachUnmatched(unmatchedId: string, caseId: string, actor: Actor): Promise<InboundOutcome> {
    const { emails, revision } = await this.unmatched.list();
    const email = emails.find((candidate) => candidate.unmatchedId === unmatchedId);
    if (!email || typeof revision !== 'number') throw new DomainError('MAIL.UNMATCHED_NOT_FOUND', 'No unmatched email has this id', 'not_found');
    if (email.attachedTo) throw new DomainError('MAIL.ALREADY_ATTACHED', `The email was already attached to case ${email.attachedTo.caseId}`, 'conflict');
    if (email.erased) throw new DomainError('MAIL.UNMATCHED_ERASED', 'The email was erased: there is nothing left to attach', 'conflict');
    const { messageId, subject, body, attachments, automatic } = email;
    const owner = await this.attachmentOwnerOf(caseId);
    if (owner !== null) this.attachments.copy(unmatchedAttachmentsOwner(unmatchedId), owner, attachments);
    const outcome = await this.thread(caseId, { messageId, subject, body, attachments, automatic }, `inbound:${unmatchedId}`);
    await this.unmatched.markAttached(unmatchedId, caseId, actor.id, toOffsetIso(this.clock.now()), revision);
    await this.unmatched.destroyKey(unmatchedId);
    // The petitioner's copy is the case's now: the queued email's own copy goes with its key.
    deleteAttachmentsOf(this.dataDir, unmatchedAttachmentsOwner(unmatchedId));
    return outcome;
  }

  private async thread(caseId: string, content: EmailContent, commandId: string): Promise<InboundOutcome> {
    const result = await this.execute(caseId, { type: 'ReceiveCustomerEmail', data: content }, commandId);
    const received = result.events.find((event) => event.type === 'CustomerEmailReceived');
    if (received?.type !== 'CustomerEmailReceived') throw CaseErrors.notFound();
    return { outcome: received.data.disposition, caseId, position: result.position, replayed: result.replayed };
  }

  /** The cases the email names, the surest first: our Message-IDs it answers, then the filing numbers in its subject. */
  private async candidateCases(parsed: ParsedMail): Promise<string[]> {
    const keys = threadingKeysOf({ subject: parsed.subject, inReplyTo: parsed.inReplyTo, references: parsed.references });
    const byFilingNumber: string[] = [];
    for (const filingNumber of keys.filingNumbers) {
      const page = await this.readStore.find<CaseView>(CASES_COLLECTION, { where: [{ field: 'filingNumber', op: 'eq', value: filingNumber }], limit: 1 });
      byFilingNumber.push(...page.items.map((item) => item.data.caseId));
    }
    return [...new Set([...keys.caseIds, ...byFilingNumber])];
  }

  /**
   * Whose directory a case's attachments go to: its petitioner's (the erasure removes it), or the
   * case's own for a case filed before petitioners had ids. Null: no such case.
   */
  private async attachmentOwnerOf(caseId: string): Promise<string | null> {
    const [filed] = await this.events.readStream(caseStreamId(caseId), { fromRevision: 0, maxCount: 1 });
    if (filed?.type !== 'CaseFiled') return null;
    const petitionerId = filed.data.petitionerId;
    return typeof petitionerId === 'string' && petitionerId !== '' ? petitionerId : legacyCaseAttachmentsOwner(caseId);
  }

  private contentOf(parsed: ParsedMail): { content: EmailContent; files: ReceivedAttachment[] } {
    const text = parsed.text?.trim() ? parsed.text : textOfHtml(typeof parsed.html === 'string' ? parsed.html : '');
    const files = parsed.attachments
      .filter((attachment) => attachment.contentDisposition !== 'inline' || attachment.filename)
      .map((attachment) => this.attachments.receive({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content }));
    const attachments: StoredAttachmentRef[] = files.map((file) => file.ref);
    const content = {
      messageId: parsed.messageId ?? null,
      subject: (parsed.subject ?? '').slice(0, 500),
      body: withoutQuotedHistory(text).slice(0, MAX_BODY_CHARACTERS),
      attachments,
      automatic: isAutomatic(parsed.headers),
    };
    return { content, files };
  }
}
