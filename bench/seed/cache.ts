import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Bump whenever the simulation, the catalogue or the way files are produced changes what a seeded
 * file would contain: cached entries of older versions are then ignored (delete bench/tmp/ to reclaim them).
 */
export const SEED_VERSION = 1;

/** Seeded files live here between runs (gitignored). */
export const CACHE_DIR = join(__dirname, '..', 'tmp');

const META_FILE = 'meta.json';

/** `bench/tmp/<kind>/<name>-v<SEED_VERSION>-<hash of the inputs>/`: any change of the inputs gives a new entry. */
export function cacheEntryPath(kind: string, name: string, inputs: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify({ SEED_VERSION, inputs })).digest('hex').slice(0, 10);
  return join(CACHE_DIR, kind, `${name}-v${SEED_VERSION}-${hash}`);
}

/** The description saved in a complete cache entry; null when there is none. */
export function readCacheMeta<T>(entry: string): T | null {
  const metaFile = join(entry, META_FILE);
  return existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as T) : null;
}

/**
 * Builds a cache entry in a temporary directory and renames it into place, with its description,
 * only once `build` succeeded: an interrupted build is never mistaken for a complete one.
 */
export async function buildCacheEntry<T>(entry: string, build: (directory: string) => Promise<T>): Promise<T> {
  const temporary = `${entry}.building`;
  rmSync(temporary, { recursive: true, force: true });
  rmSync(entry, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  try {
    const meta = await build(temporary);
    writeFileSync(join(temporary, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
    renameSync(temporary, entry);
    return meta;
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Size of a SQLite file with its WAL, in MiB. */
export function fileMiB(file: string): number {
  const bytes = ['', '-wal'].reduce((total, suffix) => total + (existsSync(`${file}${suffix}`) ? statSync(`${file}${suffix}`).size : 0), 0);
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

/** Size of everything in a directory, in MiB. */
export function directoryMiB(directory: string): number {
  const bytes = readdirSync(directory).reduce((total, name) => total + statSync(join(directory, name)).size, 0);
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
