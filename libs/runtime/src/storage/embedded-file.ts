import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/** The embedded stores' SQLite files in DATA_DIR (the filing-number sequence lives in the event store's file). */
export const EMBEDDED_FILES = { events: 'events.sqlite', readModels: 'read-models.sqlite', keys: 'keys.sqlite' } as const;

/** The path of an embedded store's file in DATA_DIR (created when missing). */
export function embeddedFile(config: AppConfig, store: keyof typeof EMBEDDED_FILES): string {
  mkdirSync(config.DATA_DIR, { recursive: true });
  return join(config.DATA_DIR, EMBEDDED_FILES[store]);
}
