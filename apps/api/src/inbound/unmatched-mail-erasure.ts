import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import type { Actor } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { toOffsetIso } from '../command-handling/case-event';
import { deleteAttachmentsOf } from '../personal-data/personal-data-files';
import { unmatchedAttachmentsOwner } from './attachment-store';
import { Clock } from '../storage/clock';
import { UnmatchedMailLog } from './unmatched-mail.log';

export interface UnmatchedErasureResult {
  unmatchedId: string;
  erasedAt: string;
  /** Attachment files deleted from DATA_DIR/attachments. */
  filesDeleted: number;
  /** Erased before: nothing more was done. */
  already: boolean;
}

/** Recording the erasure meets a concurrent change of the queue: read again, this many times at most. */
const ATTEMPTS = 3;

/**
 * An email no case claimed, erased on its own (Ley 1581 de 2012, e.g. at the sender's request): its
 * key is destroyed first (from that instant its subject, body and attachment names read `[erased]`
 * everywhere), then the erasure is recorded in the queue's stream and its attachment files deleted.
 */
@Injectable()
export class UnmatchedMailErasure {
  constructor(
    private readonly log: UnmatchedMailLog,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async erase(unmatchedId: string, actor: Actor, correlationId: string): Promise<UnmatchedErasureResult> {
    for (let attempt = 1; ; attempt++) {
      const { emails, revision } = await this.log.list();
      const email = emails.find((candidate) => candidate.unmatchedId === unmatchedId);
      if (!email || typeof revision !== 'number') throw new DomainError('MAIL.UNMATCHED_NOT_FOUND', 'No unmatched email has this id', 'not_found');
      if (email.erased) return { unmatchedId, erasedAt: email.erased.erasedAt, filesDeleted: 0, already: true };
      if (email.attachedTo) {
        throw new DomainError('MAIL.ALREADY_ATTACHED', `The email was attached to case ${email.attachedTo.caseId}: it is erased with that case's petitioner`, 'conflict');
      }
      await this.log.destroyKey(unmatchedId);
      const erasedAt = toOffsetIso(this.clock.now());
      try {
        await this.log.markErased(unmatchedId, actor.id, erasedAt, revision, correlationId);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < ATTEMPTS) continue;
        throw error;
      }
      const filesDeleted = deleteAttachmentsOf(this.config.DATA_DIR, unmatchedAttachmentsOwner(unmatchedId));
      return { unmatchedId, erasedAt, filesDeleted, already: false };
    }
  }
}
