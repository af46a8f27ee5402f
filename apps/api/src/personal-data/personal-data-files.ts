import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentDirectoryOf } from '../inbound/attachment-store';

/**
 * The .eml files the embedded mail transport wrote for a case (`mail/pqr.<caseId>.<eventId>@<domain>.eml`,
 * see messageIdFor): they carry the petitioner's data outside the stores. Returns how many went.
 */
export function deleteCaseMailFiles(dataDir: string, caseId: string): number {
  let deleted = 0;
  const mailDirectory = join(dataDir, 'mail');
  if (!existsSync(mailDirectory)) return 0;
  for (const name of readdirSync(mailDirectory)) {
    if (!name.startsWith(`pqr.${caseId}.`)) continue;
    rmSync(join(mailDirectory, name), { force: true });
    deleted += 1;
  }
  return deleted;
}

/**
 * The attachments a petitioner's cases received (`attachments/<petitionerId>/`, AttachmentStore):
 * the directory goes whole; another petitioner's copy of the same file stays. Returns how many files went.
 */
export function deleteAttachmentsOf(dataDir: string, petitionerId: string): number {
  const directory = attachmentDirectoryOf(dataDir, petitionerId);
  if (!directory || !existsSync(directory)) return 0;
  const count = readdirSync(directory).length;
  rmSync(directory, { recursive: true, force: true });
  return count;
}
