import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const STORAGE_KEY = /^[0-9a-f]{64}$/;

/**
 * The files under DATA_DIR that can carry a petitioner's data outside the stores: the .eml files
 * the embedded mail transport wrote for a case (`mail/pqr.<caseId>.<eventId>@<domain>.eml`, see
 * messageIdFor) and the attachments the customer sent (`attachments/<sha256>`). Returns how many went.
 */
export function deletePersonalDataFiles(dataDir: string, caseId: string, attachmentKeys: readonly string[]): number {
  let deleted = 0;
  const mailDirectory = join(dataDir, 'mail');
  if (existsSync(mailDirectory)) {
    for (const name of readdirSync(mailDirectory)) {
      if (!name.startsWith(`pqr.${caseId}.`)) continue;
      rmSync(join(mailDirectory, name), { force: true });
      deleted += 1;
    }
  }
  for (const key of new Set(attachmentKeys)) {
    if (!STORAGE_KEY.test(key)) continue;
    const file = join(dataDir, 'attachments', key);
    if (!existsSync(file)) continue;
    rmSync(file, { force: true });
    deleted += 1;
  }
  return deleted;
}
