import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredAttachmentRef } from '@app/domain';
import { AppConfig } from '@app/runtime';

export interface IncomingAttachment {
  filename?: string;
  contentType: string;
  content: Buffer;
}

/** An attachment read from an email, not yet on disk: it is written once we know whose it is. */
export interface ReceivedAttachment {
  ref: StoredAttachmentRef;
  content: Buffer;
}

/**
 * Whose files the attachments of an email that matches no case are: that email's own, until a
 * supervisor attaches it to a case (then the petitioner's copy stays and this one goes) or an admin
 * erases it — so erasing one unmatched email never deletes a file another email or case holds.
 */
export function unmatchedAttachmentsOwner(unmatchedId: string): string {
  return `unmatched-${unmatchedId}`;
}

/** Whose files the attachments of a case filed before petitioner ids are (schema v1: no `petitionerId` to file them under). */
export function legacyCaseAttachmentsOwner(caseId: string): string {
  return `case-${caseId}`;
}

const OWNER = /^[A-Za-z0-9_-]{1,128}$/;
const STORAGE_KEY = /^[0-9a-f]{64}$/;

/** Where one owner's file is: `DATA_DIR/attachments/<owner>/<sha256>`. */
export function attachmentFile(dataDir: string, owner: string, storageKey: string): string {
  if (!OWNER.test(owner) || !STORAGE_KEY.test(storageKey)) throw new Error(`not an attachment location: ${owner}/${storageKey}`);
  return join(dataDir, 'attachments', owner, storageKey);
}

/** The directory of one owner's attachments (a petitioner id): the erasure removes it whole. */
export function attachmentDirectoryOf(dataDir: string, owner: string): string | null {
  return OWNER.test(owner) ? join(dataDir, 'attachments', owner) : null;
}

/**
 * The content of the customers' attachments, under DATA_DIR/attachments/<owner>/<sha256>: one
 * directory per petitioner (the owner of the case the email was threaded into), so that erasing a
 * petitioner removes exactly their files, even when another petitioner sent the same file. The
 * `storageKey` the events reference is the SHA-256; the same file sent twice by one petitioner is
 * kept once.
 */
@Injectable()
export class AttachmentStore {
  private readonly dataDir: string;

  constructor(config: AppConfig) {
    this.dataDir = config.DATA_DIR;
  }

  /** What the event will reference; nothing is written yet. */
  receive(attachment: IncomingAttachment): ReceivedAttachment {
    const storageKey = createHash('sha256').update(attachment.content).digest('hex');
    return { ref: { name: safeName(attachment.filename), contentType: attachment.contentType, size: attachment.content.length, storageKey }, content: attachment.content };
  }

  /** Writes the attachments under their owner (a petitioner id, or an unmatched email's `unmatchedAttachmentsOwner`). */
  keep(owner: string, attachments: readonly ReceivedAttachment[]): void {
    for (const { ref, content } of attachments) {
      const file = attachmentFile(this.dataDir, owner, ref.storageKey);
      if (existsSync(file)) continue;
      mkdirSync(join(this.dataDir, 'attachments', owner), { recursive: true });
      writeFileSync(`${file}.tmp`, content);
      renameSync(`${file}.tmp`, file);
    }
  }

  /** Gives another owner its own copy (an unmatched email attached to a petitioner's case). Missing files are skipped. */
  copy(fromOwner: string, toOwner: string, refs: readonly StoredAttachmentRef[]): void {
    for (const { storageKey } of refs) {
      const source = attachmentFile(this.dataDir, fromOwner, storageKey);
      const target = attachmentFile(this.dataDir, toOwner, storageKey);
      if (!existsSync(source) || existsSync(target)) continue;
      mkdirSync(join(this.dataDir, 'attachments', toOwner), { recursive: true });
      copyFileSync(source, `${target}.tmp`);
      renameSync(`${target}.tmp`, target);
    }
  }
}

function safeName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f/\\]/g, '_').trim().slice(0, 255);
  return cleaned || 'adjunto';
}
