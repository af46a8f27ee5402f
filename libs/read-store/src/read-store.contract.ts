import { randomUUID } from 'crypto';
import { rejectionOf } from '@app/storage-kit/testing/rejection-of';
import {
  DocumentWrite,
  Filter,
  FindQuery,
  IndexSpec,
  InvalidCursorError,
  ReadStore,
  SortSpec,
  StoredDocument,
} from './read-store.port';
import { ReadStoreUnavailableError } from './read-store-unavailable.error';

/**
 * The behaviour every ReadStore adapter must have. Uses the port only, so it runs unchanged
 * against any adapter. Every test works on collections and projections of its own (random names),
 * so the store need not start empty; it does assume nobody else writes to them while it runs.
 *
 * `factory` is called once for the suite, and once more by the test that closes a store of its own;
 * `teardown` (default: `store.close()`) once after each.
 */
export function readStoreContract(
  name: string,
  factory: () => Promise<{ store: ReadStore; teardown?: () => Promise<void> }>,
): void {
  describe(`ReadStore contract: ${name}`, () => {
    let store: ReadStore;
    let teardown: () => Promise<void>;

    beforeAll(async () => {
      const created = await factory();
      store = created.store;
      teardown = created.teardown ?? (() => created.store.close());
    });

    afterAll(async () => {
      await teardown?.();
    });

    const newCollection = async (indexes: IndexSpec[] = []): Promise<string> => {
      const collection = uniqueName('docs');
      await store.ensureCollections([{ name: collection, indexes }]);
      return collection;
    };

    /** Commits each document at the position given, or at 1, 2, 3... in list order. */
    const seed = async (collection: string, documents: { id: string; data: Record<string, unknown>; position?: number }[]) => {
      const writes = documents.map(({ id, data, position }, index) => upsert(collection, id, position ?? index + 1, data));
      await store.commit(uniqueName('seeder'), writes, { version: 1, position: writes.length });
    };

    describe('ensureCollections', () => {
      it('is idempotent and keeps the documents already stored', async () => {
        const collection = uniqueName('cases');
        const other = uniqueName('cases');
        const specs = [
          {
            name: collection,
            indexes: [{ fields: ['status'] }, { fields: ['status', 'filedAt'] }, { fields: ['owner.team'] }, { fields: ['code'], unique: true }],
          },
          { name: other, indexes: [] },
        ];
        await store.ensureCollections(specs);
        await seed(collection, [{ id: 'case-1', data: { status: 'open', code: 'A-1' } }]);

        await expect(store.ensureCollections(specs)).resolves.toBeUndefined();
        await expect(store.ensureCollections([specs[0]])).resolves.toBeUndefined();
        expect(await store.get(collection, 'case-1')).toEqual({ id: 'case-1', position: 1, data: { status: 'open', code: 'A-1' } });
        expect(await store.count(other)).toBe(0);
      });
    });

    describe('get and getMany', () => {
      it('get returns the document with the position that last changed it, or null when missing', async () => {
        const collection = await newCollection();
        await store.commit(uniqueName('projection'), [upsert(collection, 'case-1', 7, { status: 'open', priority: 2 })], {
          version: 1,
          position: 7,
        });
        expect(await store.get(collection, 'case-1')).toEqual({ id: 'case-1', position: 7, data: { status: 'open', priority: 2 } });
        expect(await store.get(collection, 'case-2')).toBeNull();
      });

      it('getMany returns the documents found and leaves out missing ids', async () => {
        const collection = await newCollection();
        await seed(collection, [
          { id: 'a', data: { n: 1 } },
          { id: 'b', data: { n: 2 } },
          { id: 'c', data: { n: 3 } },
        ]);
        const found = await store.getMany(collection, ['c', 'missing', 'a']);
        expect([...found].sort(byId)).toEqual([
          { id: 'a', position: 1, data: { n: 1 } },
          { id: 'c', position: 3, data: { n: 3 } },
        ]);
        expect(await store.getMany(collection, [])).toEqual([]);
        expect(await store.getMany(collection, ['missing'])).toEqual([]);
      });

      it('stores unicode text and nested JSON exactly', async () => {
        const collection = await newCollection([{ fields: ['city'] }]);
        const data = {
          city: 'Bogotá ñ',
          petitioner: { name: 'José Núñez 🙂', ids: ['CC 1.234', null, 7, true] },
          empty: {},
          ratio: 0.1,
        };
        await seed(collection, [{ id: 'radicado-ñ', data }]);
        expect(await store.get(collection, 'radicado-ñ')).toEqual({ id: 'radicado-ñ', position: 1, data });
        const page = await store.find(collection, { where: [{ field: 'city', op: 'eq', value: 'Bogotá ñ' }], limit: 10 });
        expect(page.items.map((item) => item.id)).toEqual(['radicado-ñ']);
      });
    });

    describe('position guard', () => {
      it('applies an upsert only when its position is newer than the stored one', async () => {
        const collection = await newCollection();
        const projection = uniqueName('projection');
        const commitVersion = (position: number, data: Record<string, unknown>) =>
          store.commit(projection, [upsert(collection, 'case-1', position, data)], { version: 1, position });

        await commitVersion(5, { v: 'first' });
        await commitVersion(5, { v: 'same position' });
        await commitVersion(3, { v: 'older' });
        expect(await store.get(collection, 'case-1')).toEqual({ id: 'case-1', position: 5, data: { v: 'first' } });

        await commitVersion(6, { v: 'newer' });
        expect(await store.get(collection, 'case-1')).toEqual({ id: 'case-1', position: 6, data: { v: 'newer' } });
      });

      it('applies a delete only when its position is newer than the stored one', async () => {
        const collection = await newCollection();
        const projection = uniqueName('projection');
        await store.commit(projection, [upsert(collection, 'case-1', 5, { v: 1 })], { version: 1, position: 5 });

        await store.commit(projection, [remove(collection, 'case-1', 4)], { version: 1, position: 5 });
        await store.commit(projection, [remove(collection, 'case-1', 5)], { version: 1, position: 5 });
        expect(await store.get(collection, 'case-1')).toEqual({ id: 'case-1', position: 5, data: { v: 1 } });

        await store.commit(projection, [remove(collection, 'case-1', 6)], { version: 1, position: 6 });
        expect(await store.get(collection, 'case-1')).toBeNull();
        await expect(store.commit(projection, [remove(collection, 'never-stored', 7)], { version: 1, position: 7 })).resolves.toBeUndefined();
      });

      it('applies the writes of one commit in order', async () => {
        const collection = await newCollection();
        await store.commit(
          uniqueName('projection'),
          [
            upsert(collection, 'kept', 1, { v: 1 }),
            upsert(collection, 'kept', 2, { v: 2 }),
            upsert(collection, 'kept', 1, { v: 'stale' }),
            upsert(collection, 'removed', 3, { v: 3 }),
            remove(collection, 'removed', 4),
          ],
          { version: 1, position: 4 },
        );
        expect(await store.get(collection, 'kept')).toEqual({ id: 'kept', position: 2, data: { v: 2 } });
        expect(await store.get(collection, 'removed')).toBeNull();
      });
    });

    describe('checkpoints', () => {
      it('commit saves the checkpoint with its version, also when there is nothing to write', async () => {
        const projection = uniqueName('projection');
        expect(await store.getCheckpoint(projection)).toBeNull();

        await store.commit(projection, [], { version: 2, position: 10 });
        const first = await store.getCheckpoint(projection);
        expect(first).toEqual({ projection, version: 2, position: 10, updatedAt: expect.stringMatching(ISO_UTC) });
        expect(Number.isNaN(Date.parse(first!.updatedAt))).toBe(false);

        const collection = await newCollection();
        await store.commit(projection, [upsert(collection, 'case-1', 12, { v: 1 })], { version: 3, position: 12 });
        expect(await store.getCheckpoint(projection)).toEqual({ projection, version: 3, position: 12, updatedAt: expect.stringMatching(ISO_UTC) });
      });

      it('listCheckpoints returns the checkpoint of every projection', async () => {
        const first = uniqueName('projection-a');
        const second = uniqueName('projection-b');
        await store.commit(first, [], { version: 1, position: 4 });
        await store.commit(second, [], { version: 7, position: 9 });
        const ours = (await store.listCheckpoints())
          .filter((checkpoint) => checkpoint.projection === first || checkpoint.projection === second)
          .map(({ projection, version, position }) => ({ projection, version, position }))
          .sort((a, b) => compareText(a.projection, b.projection));
        expect(ours).toEqual([
          { projection: first, version: 1, position: 4 },
          { projection: second, version: 7, position: 9 },
        ]);
      });
    });

    describe('find: filters', () => {
      let cases: string;

      beforeAll(async () => {
        cases = await newCollection([{ fields: ['status'] }, { fields: ['status', 'dueAt'] }, { fields: ['priority'] }, { fields: ['owner.team'] }]);
        await seed(cases, FILTER_CASES);
      });

      const idsWhere = async (where: Filter[], sort?: SortSpec[]) =>
        (await store.find(cases, { where, sort, limit: 1000 })).items.map((item) => item.id);

      it('eq on strings, numbers, booleans and nested fields', async () => {
        expect(await idsWhere([{ field: 'status', op: 'eq', value: 'open' }])).toEqual(['a', 'b', 'e']);
        expect(await idsWhere([{ field: 'priority', op: 'eq', value: 5 }])).toEqual(['b', 'f']);
        expect(await idsWhere([{ field: 'urgent', op: 'eq', value: true }])).toEqual(['a', 'd', 'f']);
        expect(await idsWhere([{ field: 'urgent', op: 'eq', value: false }])).toEqual(['b', 'c', 'g']);
        expect(await idsWhere([{ field: 'owner.team', op: 'eq', value: 'north' }])).toEqual(['a', 'c', 'g']);
        expect(await idsWhere([{ field: 'status', op: 'eq', value: 'unknown' }])).toEqual([]);
      });

      it('eq null matches a null or missing field', async () => {
        expect(await idsWhere([{ field: 'priority', op: 'eq', value: null }])).toEqual(['e']);
        expect(await idsWhere([{ field: 'status', op: 'eq', value: null }])).toEqual(['g']);
        expect(await idsWhere([{ field: 'owner.team', op: 'eq', value: null }])).toEqual(['e']);
      });

      it('ne also matches documents that lack the field; ne null matches those that have it', async () => {
        expect(await idsWhere([{ field: 'status', op: 'ne', value: 'open' }])).toEqual(['c', 'd', 'f', 'g']);
        expect(await idsWhere([{ field: 'status', op: 'ne', value: null }])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      });

      it('in matches any of the values; an empty list matches nothing; null matches missing fields', async () => {
        expect(await idsWhere([{ field: 'status', op: 'in', value: ['closed', 'answered'] }])).toEqual(['c', 'd', 'f']);
        expect(await idsWhere([{ field: 'priority', op: 'in', value: [1, 2] }])).toEqual(['a', 'd']);
        expect(await idsWhere([{ field: 'status', op: 'in', value: [] }])).toEqual([]);
        expect(await idsWhere([{ field: 'status', op: 'in', value: ['answered', null] }])).toEqual(['d', 'g']);
      });

      it('gt, gte, lt and lte on numbers never match a null or missing field', async () => {
        expect(await idsWhere([{ field: 'priority', op: 'gt', value: 3 }])).toEqual(['b', 'f', 'g']);
        expect(await idsWhere([{ field: 'priority', op: 'gte', value: 3 }])).toEqual(['b', 'c', 'f', 'g']);
        expect(await idsWhere([{ field: 'priority', op: 'lt', value: 3 }])).toEqual(['a', 'd']);
        expect(await idsWhere([{ field: 'priority', op: 'lte', value: 2 }])).toEqual(['a', 'd']);
        expect(
          await idsWhere([
            { field: 'priority', op: 'gt', value: 1 },
            { field: 'priority', op: 'lte', value: 4 },
          ]),
        ).toEqual(['c', 'd', 'g']);
      });

      it('ranges on ISO-8601 date strings', async () => {
        const march = [
          { field: 'dueAt', op: 'gte', value: '2026-03-01T00:00:00.000Z' },
          { field: 'dueAt', op: 'lt', value: '2026-03-05T09:00:00.001Z' },
        ] satisfies Filter[];
        expect(await idsWhere(march)).toEqual(['a', 'b', 'g']);
        expect(await idsWhere([{ field: 'dueAt', op: 'lt', value: '2026-03-01T00:00:00.000Z' }])).toEqual(['c']);
        expect(await idsWhere([{ field: 'dueAt', op: 'gt', value: '2026-03-05T09:00:00.000Z' }])).toEqual(['d', 'f']);
      });

      it('a range only matches values of its bound type', async () => {
        const mixed = await newCollection();
        await seed(mixed, [
          { id: 'number-5', data: { code: 5 } },
          { id: 'number-10', data: { code: 10 } },
          { id: 'text-7', data: { code: '7' } },
          { id: 'null', data: { code: null } },
          { id: 'missing', data: {} },
        ]);
        const ids = async (where: Filter[]) => (await store.find(mixed, { where, limit: 10 })).items.map((item) => item.id);
        expect(await ids([{ field: 'code', op: 'gt', value: 4 }])).toEqual(['number-10', 'number-5']);
        expect(await ids([{ field: 'code', op: 'lt', value: 100 }])).toEqual(['number-10', 'number-5']);
        expect(await ids([{ field: 'code', op: 'lt', value: 'z' }])).toEqual(['text-7']);
        expect(await ids([{ field: 'code', op: 'gte', value: '' }])).toEqual(['text-7']);
      });

      it('filters on the document id', async () => {
        expect(await idsWhere([{ field: 'id', op: 'eq', value: 'c' }])).toEqual(['c']);
        expect(await idsWhere([{ field: 'id', op: 'in', value: ['g', 'a', 'zz'] }])).toEqual(['a', 'g']);
        expect(await idsWhere([{ field: 'id', op: 'gt', value: 'e' }])).toEqual(['f', 'g']);
      });

      it('all filters must hold', async () => {
        expect(
          await idsWhere([
            { field: 'status', op: 'eq', value: 'open' },
            { field: 'urgent', op: 'eq', value: false },
          ]),
        ).toEqual(['b']);
        expect(
          await idsWhere([
            { field: 'owner.team', op: 'ne', value: 'north' },
            { field: 'priority', op: 'gte', value: 2 },
            { field: 'status', op: 'in', value: ['closed', 'answered', 'open'] },
          ]),
        ).toEqual(['b', 'd', 'f']);
      });

      it('count applies the same filters', async () => {
        expect(await store.count(cases)).toBe(FILTER_CASES.length);
        expect(await store.count(cases, [])).toBe(FILTER_CASES.length);
        expect(await store.count(cases, [{ field: 'status', op: 'eq', value: 'open' }])).toBe(3);
        expect(await store.count(cases, [{ field: 'priority', op: 'lt', value: 3 }])).toBe(2);
        expect(await store.count(cases, [{ field: 'status', op: 'in', value: [] }])).toBe(0);
      });

      it('sorts by several fields with mixed directions, ties broken by id ascending', async () => {
        const sort: SortSpec[] = [
          { field: 'status', direction: 'asc' },
          { field: 'priority', direction: 'desc' },
        ];
        expect(await idsWhere([], sort)).toEqual(['g', 'd', 'f', 'c', 'b', 'a', 'e']);
      });

      it('a missing or null field sorts first ascending and last descending', async () => {
        expect(await idsWhere([], [{ field: 'priority', direction: 'asc' }])).toEqual(['e', 'a', 'd', 'c', 'g', 'b', 'f']);
        expect(await idsWhere([], [{ field: 'priority', direction: 'desc' }])).toEqual(['b', 'f', 'g', 'c', 'd', 'a', 'e']);
        expect(await idsWhere([], [{ field: 'dueAt', direction: 'desc' }])).toEqual(['d', 'f', 'b', 'g', 'a', 'c', 'e']);
      });
    });

    describe('find: text order', () => {
      it('compares text by its UTF-8 bytes, in sort values and in the id tie-breaker', async () => {
        const collection = await newCollection([{ fields: ['rank'] }]);
        // UTF-16 code units would put the emoji (a surrogate pair, 0xD83D...) before U+FF5E; UTF-8 bytes do not.
        await seed(collection, [
          { id: '😀', data: { rank: 1, label: '😀' } },
          { id: '～', data: { rank: 1, label: '～' } },
          { id: 'a', data: { rank: 1, label: 'a' } },
        ]);
        const ids = async (sort: SortSpec[]) => (await store.find(collection, { sort, limit: 10 })).items.map((item) => item.id);
        expect(await ids([{ field: 'rank', direction: 'desc' }])).toEqual(['a', '～', '😀']);
        expect(await ids([{ field: 'rank', direction: 'asc' }])).toEqual(['a', '～', '😀']);
        expect(await ids([{ field: 'label', direction: 'desc' }])).toEqual(['😀', '～', 'a']);
      });
    });

    describe('find: pagination', () => {
      let listing: string;

      beforeAll(async () => {
        listing = await newCollection([{ fields: ['group', 'rank'] }, { fields: ['rank'] }, { fields: ['when'] }]);
        await seed(listing, LISTING);
      });

      /** Follows nextCursor to the end, checking every page's size; returns the ids in the order visited. */
      const visitAll = async (query: Omit<FindQuery, 'cursor'>, collection = listing): Promise<string[]> => {
        const visited: string[] = [];
        let cursor: string | undefined;
        for (let pages = 1; pages <= 100; pages += 1) {
          const page = await store.find(collection, { ...query, cursor });
          visited.push(...page.items.map((item) => item.id));
          if (page.nextCursor === null) {
            expect(page.items.length).toBeLessThanOrEqual(query.limit);
            return visited;
          }
          expect(page.items).toHaveLength(query.limit);
          cursor = page.nextCursor;
        }
        throw new Error('Paging did not end after 100 pages');
      };

      const cases: { title: string; where?: Filter[]; sort?: SortSpec[] }[] = [
        { title: 'no sort (id order)' },
        { title: 'a number ascending, with many ties', sort: [{ field: 'rank', direction: 'asc' }] },
        { title: 'a number descending, with many ties', sort: [{ field: 'rank', direction: 'desc' }] },
        { title: 'a field missing or null on some documents, ascending', sort: [{ field: 'when', direction: 'asc' }] },
        { title: 'a field missing or null on some documents, descending', sort: [{ field: 'when', direction: 'desc' }] },
        {
          title: 'two fields in mixed directions, filtered',
          where: [{ field: 'rank', op: 'gte', value: 3 }],
          sort: [
            { field: 'group', direction: 'asc' },
            { field: 'rank', direction: 'desc' },
          ],
        },
        {
          title: 'a missing field then a number, descending then ascending',
          sort: [
            { field: 'when', direction: 'desc' },
            { field: 'rank', direction: 'asc' },
          ],
        },
        { title: 'the id descending', sort: [{ field: 'id', direction: 'desc' }] },
        {
          title: 'a number descending, then the id descending',
          sort: [
            { field: 'rank', direction: 'desc' },
            { field: 'id', direction: 'desc' },
          ],
        },
        {
          title: 'a field missing on some documents ascending, then the id descending',
          sort: [
            { field: 'when', direction: 'asc' },
            { field: 'id', direction: 'desc' },
          ],
        },
      ];

      it.each(cases)('visits every document exactly once, in order, 20 at a time: $title', async ({ where, sort }) => {
        const expected = expectedOrder(LISTING, where ?? [], sort ?? []);
        const visited = await visitAll({ where, sort, limit: 20 });
        expect(visited).toEqual(expected);
        expect(new Set(visited).size).toBe(visited.length);
        if (!where) expect(visited).toHaveLength(LISTING.length);
      });

      it('gives the full result in one page when it fits', async () => {
        const page = await store.find(listing, { sort: [{ field: 'rank', direction: 'asc' }], limit: 1000 });
        expect(page.items.map((item) => item.id)).toEqual(expectedOrder(LISTING, [], [{ field: 'rank', direction: 'asc' }]));
        expect(page.nextCursor).toBeNull();
      });

      it('returns no cursor after the last page, even when it is full', async () => {
        const where: Filter[] = [{ field: 'group', op: 'eq', value: 'a' }];
        const total = LISTING.filter((item) => item.data.group === 'a').length;
        expect(total).toBe(84);
        const first = await store.find(listing, { where, limit: 42 });
        expect(first.items).toHaveLength(42);
        expect(first.nextCursor).not.toBeNull();
        const second = await store.find(listing, { where, limit: 42, cursor: first.nextCursor! });
        expect(second.items).toHaveLength(42);
        expect(second.nextCursor).toBeNull();
      });

      it('accepts a different limit on the next page of the same query', async () => {
        const sort: SortSpec[] = [{ field: 'when', direction: 'desc' }];
        const first = await store.find(listing, { sort, limit: 10 });
        const second = await store.find(listing, { sort, limit: 15, cursor: first.nextCursor! });
        expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expectedOrder(LISTING, [], sort).slice(0, 25));
      });

      it('returns an empty page for an empty collection or no match', async () => {
        expect(await store.find(await newCollection(), { limit: 10 })).toEqual({ items: [], nextCursor: null });
        expect(await store.find(listing, { where: [{ field: 'group', op: 'eq', value: 'none' }], limit: 10 })).toEqual({
          items: [],
          nextCursor: null,
        });
      });

      it('rejects a limit outside 1..1000 or not an integer', async () => {
        for (const limit of [0, -1, 1001, 2.5, Number.NaN]) {
          await expect(store.find(listing, { limit })).rejects.toBeInstanceOf(RangeError);
        }
        expect((await store.find(listing, { limit: 1000 })).items).toHaveLength(LISTING.length);
        expect((await store.find(listing, { limit: 1 })).items).toHaveLength(1);
      });

      it('rejects a garbled cursor, or one from another query or collection, with InvalidCursorError', async () => {
        const sort: SortSpec[] = [{ field: 'rank', direction: 'asc' }];
        const where: Filter[] = [{ field: 'group', op: 'eq', value: 'b' }];
        const { nextCursor } = await store.find(listing, { where, sort, limit: 5 });
        expect(nextCursor).toEqual(expect.any(String));
        const cursor = nextCursor!;
        await expect(store.find(listing, { where, sort, limit: 5, cursor })).resolves.toEqual(expect.objectContaining({ items: expect.any(Array) }));

        const rejected: [string, string, FindQuery][] = [
          ['garbled', listing, { where, sort, limit: 5, cursor: 'not a cursor!' }],
          ['truncated', listing, { where, sort, limit: 5, cursor: cursor.slice(0, cursor.length / 2) }],
          ['empty', listing, { where, sort, limit: 5, cursor: '' }],
          ['other sort direction', listing, { where, sort: [{ field: 'rank', direction: 'desc' }], limit: 5, cursor }],
          ['other sort field', listing, { where, sort: [{ field: 'when', direction: 'asc' }], limit: 5, cursor }],
          ['other filter value', listing, { where: [{ field: 'group', op: 'eq', value: 'c' }], sort, limit: 5, cursor }],
          ['no filter', listing, { sort, limit: 5, cursor }],
          ['other collection', await newCollection(), { where, sort, limit: 5, cursor }],
        ];
        for (const [reason, collection, query] of rejected) {
          const error = await rejectionOf(store.find(collection, query));
          expect({ reason, error }).toEqual({ reason, error: expect.any(InvalidCursorError) });
        }
      });
    });

    describe('reset', () => {
      it('empties the collections and removes the checkpoint, leaving other projections alone', async () => {
        const projection = uniqueName('projection');
        const other = uniqueName('projection');
        const [first, second, untouched] = [await newCollection(), await newCollection(), await newCollection()];
        await store.commit(
          projection,
          [upsert(first, 'a', 1, { v: 1 }), upsert(first, 'b', 2, { v: 2 }), upsert(second, 'c', 3, { v: 3 })],
          { version: 1, position: 3 },
        );
        await store.commit(other, [upsert(untouched, 'd', 4, { v: 4 })], { version: 1, position: 4 });

        await store.reset(projection, [first, second]);

        expect(await store.count(first)).toBe(0);
        expect(await store.count(second)).toBe(0);
        expect(await store.get(first, 'a')).toBeNull();
        expect(await store.getCheckpoint(projection)).toBeNull();
        expect(await store.get(untouched, 'd')).toEqual({ id: 'd', position: 4, data: { v: 4 } });
        expect(await store.getCheckpoint(other)).toEqual(expect.objectContaining({ version: 1, position: 4 }));
        expect((await store.listCheckpoints()).map((checkpoint) => checkpoint.projection)).not.toContain(projection);
      });

      it('lets a rebuild write positions older than the removed documents', async () => {
        const projection = uniqueName('projection');
        const collection = await newCollection();
        await store.commit(projection, [upsert(collection, 'a', 9, { v: 'old build' })], { version: 1, position: 9 });
        await store.reset(projection, [collection]);
        await store.commit(projection, [upsert(collection, 'a', 2, { v: 'rebuilt' })], { version: 2, position: 2 });
        expect(await store.get(collection, 'a')).toEqual({ id: 'a', position: 2, data: { v: 'rebuilt' } });
        expect(await store.getCheckpoint(projection)).toEqual(expect.objectContaining({ version: 2, position: 2 }));
      });
    });

    describe('deferIndexes', () => {
      it('answers queries the same while the indexes are deferred and once ensureCollections has them again', async () => {
        const specs = [{ name: uniqueName('cases'), indexes: [{ fields: ['status', 'dueAt'] }, { fields: ['code'], unique: true }] }];
        const collection = specs[0].name;
        await store.ensureCollections(specs);
        const projection = uniqueName('projection');
        await store.reset(projection, [collection]);
        await store.deferIndexes([collection]);
        const documents = [
          { id: 'c', data: { status: 'open', dueAt: '2026-03-03', code: 'C' } },
          { id: 'a', data: { status: 'open', dueAt: '2026-03-01', code: 'A' } },
          { id: 'b', data: { status: 'closed', dueAt: '2026-03-02', code: 'B' } },
          { id: 'd', data: { status: 'open', code: 'D' } },
        ];
        await store.commit(projection, documents.map(({ id, data }, index) => upsert(collection, id, index + 1, data)), { version: 1, position: documents.length });
        const answers = async () => ({
          open: (await store.find(collection, { where: [{ field: 'status', op: 'eq', value: 'open' }], sort: [{ field: 'dueAt', direction: 'desc' }], limit: 10 })).items.map(({ id }) => id),
          byCode: (await store.find(collection, { where: [{ field: 'code', op: 'eq', value: 'B' }], limit: 1 })).items.map(({ id }) => id),
          openCount: await store.count(collection, [{ field: 'status', op: 'eq', value: 'open' }]),
        });
        const expected = { open: ['c', 'a', 'd'], byCode: ['b'], openCount: 3 };

        expect(await answers()).toEqual(expected);
        await store.ensureCollections(specs);
        expect(await answers()).toEqual(expected);
      });

      it('rejects a collection that was not declared', async () => {
        await expect(store.deferIndexes([uniqueName('undeclared')])).rejects.toThrow(/Unknown collection/);
      });
    });

    describe('purgeDeletedData', () => {
      it('keeps what is stored and forgets what was deleted', async () => {
        const collection = await newCollection();
        const projection = uniqueName('proj');
        await store.commit(projection, [upsert(collection, 'kept', 1, { name: 'kept' }), upsert(collection, 'gone', 1, { name: 'gone' })], { version: 1, position: 1 });
        await store.commit(projection, [remove(collection, 'gone', 2)], { version: 1, position: 2 });
        await store.purgeDeletedData();
        expect((await store.get(collection, 'kept'))?.data).toEqual({ name: 'kept' });
        expect(await store.get(collection, 'gone')).toBeNull();
      });
    });

    describe('unique index', () => {
      it('rejects a commit that would duplicate a unique value and leaves the store as it was', async () => {
        const projection = uniqueName('projection');
        const collection = await newCollection([{ fields: ['radicado'], unique: true }]);
        await store.commit(projection, [upsert(collection, 'case-1', 1, { radicado: 'R-1' })], { version: 1, position: 1 });

        const duplicate = store.commit(
          projection,
          [upsert(collection, 'case-2', 2, { radicado: 'R-2' }), upsert(collection, 'case-3', 3, { radicado: 'R-1' })],
          { version: 1, position: 3 },
        );
        await expect(duplicate).rejects.toThrow();

        expect(await store.get(collection, 'case-2')).toBeNull();
        expect(await store.get(collection, 'case-3')).toBeNull();
        expect(await store.count(collection)).toBe(1);
        expect(await store.getCheckpoint(projection)).toEqual(expect.objectContaining({ version: 1, position: 1 }));
      });

      it('accepts updating the document that holds the value, and reusing a value that was freed', async () => {
        const projection = uniqueName('projection');
        const collection = await newCollection([{ fields: ['radicado'], unique: true }]);
        await store.commit(projection, [upsert(collection, 'case-1', 1, { radicado: 'R-1', status: 'open' })], { version: 1, position: 1 });
        await store.commit(projection, [upsert(collection, 'case-1', 2, { radicado: 'R-1', status: 'closed' })], { version: 1, position: 2 });
        await store.commit(projection, [remove(collection, 'case-1', 3), upsert(collection, 'case-2', 4, { radicado: 'R-1' })], {
          version: 1,
          position: 4,
        });
        expect(await store.getMany(collection, ['case-1', 'case-2'])).toEqual([{ id: 'case-2', position: 4, data: { radicado: 'R-1' } }]);
      });
    });

    describe('close', () => {
      it('after close refuses every call with ReadStoreUnavailableError; closing twice is fine', async () => {
        // A store of its own: the suite's store stays open for the other tests.
        const created = await factory();
        const closed = created.store;
        const collection = uniqueName('cases');
        try {
          await closed.ensureCollections([{ name: collection, indexes: [] }]);
          await expect(closed.ping()).resolves.toBeUndefined();
          await Promise.all([closed.close(), closed.close()]);
          await expect(closed.close()).resolves.toBeUndefined();

          const calls: [string, () => Promise<unknown>][] = [
            ['ping', () => closed.ping()],
            ['get', () => closed.get(collection, 'case-1')],
            ['getMany', () => closed.getMany(collection, ['case-1'])],
            ['find', () => closed.find(collection, { limit: 1 })],
            ['count', () => closed.count(collection)],
            ['commit', () => closed.commit('case-list', [], { version: 1, position: 1 })],
            ['getCheckpoint', () => closed.getCheckpoint('case-list')],
            ['listCheckpoints', () => closed.listCheckpoints()],
            ['reset', () => closed.reset('case-list', [collection])],
            ['ensureCollections', () => closed.ensureCollections([{ name: collection, indexes: [] }])],
            ['deferIndexes', () => closed.deferIndexes([collection])],
            ['purgeDeletedData', () => closed.purgeDeletedData()],
          ];
          for (const [name, call] of calls) {
            expect({ name, error: await rejectionOf(call()) }).toEqual({ name, error: expect.any(ReadStoreUnavailableError) });
          }
        } finally {
          await (created.teardown ?? (() => closed.close()))();
        }
      });
    });
  });
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

interface SeedDocument {
  id: string;
  data: Record<string, unknown>;
}

/** Ids are listed in id order, which is what an unsorted find returns. */
const FILTER_CASES: SeedDocument[] = [
  { id: 'a', data: { status: 'open', priority: 1, dueAt: '2026-03-01T09:00:00.000Z', urgent: true, owner: { team: 'north' } } },
  { id: 'b', data: { status: 'open', priority: 5, dueAt: '2026-03-05T09:00:00.000Z', urgent: false, owner: { team: 'south' } } },
  { id: 'c', data: { status: 'closed', priority: 3, dueAt: '2026-02-20T09:00:00.000Z', urgent: false, owner: { team: 'north' } } },
  { id: 'd', data: { status: 'answered', priority: 2, dueAt: '2026-03-10T12:30:00.000Z', urgent: true, owner: { team: 'east' } } },
  { id: 'e', data: { status: 'open', priority: null } },
  { id: 'f', data: { status: 'closed', priority: 5, dueAt: '2026-03-05T09:00:00.001Z', urgent: true, owner: { team: 'south' } } },
  { id: 'g', data: { priority: 4, dueAt: '2026-03-03T00:00:00.000Z', urgent: false, owner: { team: 'north' } } },
];

/**
 * 250 documents whose ids are not in insertion order; `rank` has many ties; `when` is missing on
 * a fifth of them and null on another fifth.
 */
const LISTING: SeedDocument[] = Array.from({ length: 250 }, (_, index) => {
  const data: Record<string, unknown> = { group: ['a', 'b', 'c'][index % 3], rank: (index * 7) % 11 };
  if (index % 5 === 1) data.when = null;
  if (index % 5 > 1) data.when = new Date(Date.UTC(2026, 0, 1) + ((index * 37) % 60) * 3_600_000).toISOString();
  return { id: `doc-${String((index * 7919) % 250).padStart(3, '0')}`, data };
});

/** The order the contract requires: missing or null first ascending, last descending; then id ascending. */
function expectedOrder(documents: SeedDocument[], where: Filter[], sort: SortSpec[]): string[] {
  const value = (document: SeedDocument, field: string) => (field === 'id' ? document.id : (document.data[field] ?? null)) as string | number | null;
  const matches = (document: SeedDocument) =>
    where.every(({ field, op, value: bound }) => {
      const actual = value(document, field);
      if (op !== 'gte' || typeof actual !== 'number' || typeof bound !== 'number') throw new Error('expectedOrder only supports gte on numbers');
      return actual >= bound;
    });
  const keys = [...sort, { field: 'id', direction: 'asc' } as const];
  return documents
    .filter(matches)
    .sort((a, b) => {
      for (const { field, direction } of keys) {
        const order = compareNullable(value(a, field), value(b, field));
        if (order !== 0) return direction === 'asc' ? order : -order;
      }
      return 0;
    })
    .map((document) => document.id);
}

function compareNullable(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: StoredDocument, b: StoredDocument): number {
  return compareText(a.id, b.id);
}

function upsert(collection: string, id: string, position: number, data: Record<string, unknown>): DocumentWrite {
  return { collection, id, position, data };
}

function remove(collection: string, id: string, position: number): DocumentWrite {
  return { collection, id, position, data: null };
}

function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
