import Database from 'better-sqlite3';
import { indexedValue, jsonFieldExpression } from './sqlite-field';

describe('indexedValue', () => {
  let db: Database.Database;
  beforeAll(() => (db = new Database(':memory:')));
  afterAll(() => db.close());

  /** What SQLite reads from the stored JSON: what the column must hold for queries to match as before. */
  const fromJson = (document: Record<string, unknown>, field: string): unknown =>
    db.prepare(`SELECT ${jsonFieldExpression(field)} FROM (SELECT ? AS data)`).pluck().get(JSON.stringify(document));

  const documents: Record<string, unknown>[] = [
    { status: 'open', count: 3, ratio: 0.25, big: 1e21, negative: -0, flag: true, off: false, none: null, text: 'Atención "SAC" ñ 😀' },
    { owner: { team: 'b', level: 2, flags: [1, 2], empty: {} }, list: ['a', { b: 1 }], at: new Date('2026-12-06T10:00:00Z') },
    { owner: null, list: [], status: '' },
    { owner: 'not an object', nested: { deeper: { leaf: false } } },
  ];
  const fields = ['status', 'count', 'ratio', 'big', 'negative', 'flag', 'off', 'none', 'text', 'missing', 'owner', 'owner.team', 'owner.level', 'owner.flags', 'owner.empty', 'owner.missing', 'list', 'list.b', 'at', 'nested.deeper.leaf', 'nested.deeper'];

  it.each(documents.map((document, index) => [index, document]))('equals what SQLite reads from the JSON, for every field of document %i', (_index, document) => {
    for (const field of fields) expect([field, indexedValue(document, field)]).toEqual([field, fromJson(document, field)]);
  });
});
