import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh directory under the OS temp dir, holding a database file (and its -wal/-shm companions). */
export function createTempDatabase(): { filename: string; remove(): void } {
  const directory = path.join(os.tmpdir(), `read-store-${randomUUID()}`);
  fs.mkdirSync(directory);
  return {
    filename: path.join(directory, 'read-models.sqlite'),
    remove: () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}
