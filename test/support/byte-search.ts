import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a directory (SQLite -wal and -shm included), recursively. */
export function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Each value with the files (or the log, as `<logs>`) holding it as UTF-8 bytes: `[]` where it occurs nowhere. */
export function occurrences(values: string[], files: string[], logs: string): Record<string, string[]> {
  const contents = files.map((file) => [file, readFileSync(file)] as const);
  return Object.fromEntries(
    values.map((value) => [
      value,
      [...contents.filter(([, bytes]) => bytes.includes(Buffer.from(value, 'utf8'))).map(([file]) => file), ...(logs.includes(value) ? ['<logs>'] : [])],
    ]),
  );
}
