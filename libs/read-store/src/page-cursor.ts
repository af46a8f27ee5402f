import { createHash } from 'crypto';
import { Filter, InvalidCursorError } from './read-store.port';
import { ID_FIELD, OrderKey } from './find-query';

/** One sort key value of a document, as a cursor carries it; null means the field is missing or null. */
export type CursorValue = string | number | null;

interface CursorContent {
  /** Fingerprint of the query the cursor belongs to. */
  q: string;
  /** The sort key values of the last item of the page, one per order key. */
  after: CursorValue[];
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_CURSOR_LENGTH = 16_384;

/**
 * Identifies a query apart from its limit (pages of one listing may differ in size), so that a
 * cursor is only accepted by the query that produced it.
 */
export function queryFingerprint(collection: string, where: Filter[], order: OrderKey[]): string {
  return createHash('sha256').update(JSON.stringify([collection, where, order])).digest('base64url').slice(0, 22);
}

/** Opaque to callers: base64url of JSON, not encrypted nor signed (it only holds values they may read anyway). */
export function encodeCursor(fingerprint: string, after: CursorValue[]): string {
  const content: CursorContent = { q: fingerprint, after };
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

/** Returns the sort key values the cursor resumes after; throws InvalidCursorError unless it was made by this query. */
export function decodeCursor(cursor: unknown, fingerprint: string, order: OrderKey[]): CursorValue[] {
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) {
    throw new InvalidCursorError();
  }
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorContent>;
  } catch {
    throw new InvalidCursorError();
  }
  const { q, after } = content ?? {};
  const valid =
    q === fingerprint &&
    Array.isArray(after) &&
    after.length === order.length &&
    after.every((value, index) => (order[index].field === ID_FIELD ? typeof value === 'string' : isCursorValue(value)));
  if (!valid) throw new InvalidCursorError();
  return after;
}

function isCursorValue(value: unknown): value is CursorValue {
  return value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}
