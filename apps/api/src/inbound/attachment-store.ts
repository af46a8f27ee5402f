import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredAttachmentRef } from '@app/domain';
import { AppConfig } from '../config/app-config';

export interface IncomingAttachment {
  filename?: string;
  contentType: string;
  content: Buffer;
}

/**
 * The content of the customers' attachments, under DATA_DIR/attachments, one file per content named
 * by its SHA-256 (the `storageKey` the events reference): the same file sent twice is kept once.
 */
@Injectable()
export class AttachmentStore {
  private readonly directory: string;

  constructor(config: AppConfig) {
    this.directory = join(config.DATA_DIR, 'attachments');
  }

  keep(attachment: IncomingAttachment): StoredAttachmentRef {
    const storageKey = createHash('sha256').update(attachment.content).digest('hex');
    const file = join(this.directory, storageKey);
    if (!existsSync(file)) {
      mkdirSync(this.directory, { recursive: true });
      writeFileSync(`${file}.tmp`, attachment.content);
      renameSync(`${file}.tmp`, file);
    }
    return { name: safeName(attachment.filename), contentType: attachment.contentType, size: attachment.content.length, storageKey };
  }
}

function safeName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f/\\]/g, '_').trim().slice(0, 255);
  return cleaned || 'adjunto';
}
