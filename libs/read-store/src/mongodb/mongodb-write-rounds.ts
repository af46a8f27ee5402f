import { parseDocument, serializeDocument } from '../document-json';
import { assertCollectionName, assertNonEmptyString, assertNonNegativeInteger } from '../read-store-input';
import { DocumentWrite } from '../read-store.port';
import { escapeFieldNames } from './mongodb-field-names';

/** A write checked before anything is sent. */
export interface PreparedWrite {
  collection: string;
  id: string;
  position: number;
  /**
   * The data as JSON would store it (Dates as ISO strings, undefined properties dropped), its
   * field names escaped for MongoDB; null deletes.
   */
  data: Record<string, unknown> | null;
}

export function prepareWrite(write: DocumentWrite, description: string): PreparedWrite {
  if (typeof write !== 'object' || write === null) throw new TypeError(`${description} must be an object`);
  assertCollectionName(write.collection);
  assertNonEmptyString(write.id, `${description}: id`);
  assertNonNegativeInteger(write.position, `${description}: position`);
  // Through JSON, so that what is read back equals what the SQLite store would return.
  const json = write.data === null ? null : serializeDocument(write.data, `${description}: data`);
  const data = json === null ? null : escapeFieldNames(parseDocument(json, `${description}: data`));
  return { collection: write.collection, id: write.id, position: write.position, data };
}

/**
 * Splits writes into rounds holding at most one write per document (the first round the first
 * write of each, and so on), keeping their order. Rounds run one after the other, so a commit
 * that writes a document twice has the same effect as applying its writes in order, while the
 * writes of one round may run as a batch whose order MongoDB does not promise.
 */
export function writeRounds(writes: PreparedWrite[]): PreparedWrite[][] {
  const rounds: PreparedWrite[][] = [];
  const writesSoFar = new Map<string, number>();
  for (const write of writes) {
    const key = JSON.stringify([write.collection, write.id]);
    const round = writesSoFar.get(key) ?? 0;
    writesSoFar.set(key, round + 1);
    (rounds[round] ??= []).push(write);
  }
  return rounds;
}

/** The position guard: whether the write changes a document stored at `storedPosition` (undefined: none stored). */
export function changesStoredDocument(write: PreparedWrite, storedPosition: number | undefined): boolean {
  if (write.data === null) return storedPosition !== undefined && storedPosition < write.position;
  return storedPosition === undefined || storedPosition < write.position;
}

export function groupByCollection(writes: PreparedWrite[]): Map<string, PreparedWrite[]> {
  const groups = new Map<string, PreparedWrite[]>();
  for (const write of writes) {
    const group = groups.get(write.collection) ?? [];
    group.push(write);
    groups.set(write.collection, group);
  }
  return groups;
}
