import type { CaseSearchQueryDto } from './case-search.dto';
import { caseSearchOf, PetitionerKeys } from './case-search.filters';

const keys: PetitionerKeys = {
  idOf: ({ documentType, documentNumber }) => `id:${documentType}:${documentNumber}`,
  emailIdOf: (email) => `email:${email}`,
};
const NOW = Date.parse('2026-03-25T10:00:00-05:00');
const search = (query: Partial<CaseSearchQueryDto>) => caseSearchOf(query as CaseSearchQueryDto, keys, NOW);

describe('caseSearchOf', () => {
  it('with no filter, lists every case newest filed first', () => {
    expect(search({})).toEqual({ where: [], sort: [{ field: 'search.filedMs', direction: 'desc' }], problems: [] });
  });

  it("matches a petitioner on the keyed hashes only, never a clear field, and lists their open cases first", () => {
    const { where, sort } = search({ petitionerDocumentType: 'CC', petitionerDocument: '1020304050', petitionerEmail: 'maria@example.com', sort: 'dueAt' });
    expect(where).toEqual([
      { field: 'petitionerId', op: 'eq', value: 'id:CC:1020304050' },
      { field: 'search.petitionerEmailId', op: 'eq', value: 'email:maria@example.com' },
    ]);
    expect(sort).toEqual([{ field: 'search.open', direction: 'desc' }, { field: 'search.dueMs', direction: 'asc' }]);
  });

  it('names the missing half of a document', () => {
    expect(search({ petitionerDocument: '1020304050' }).problems).toEqual([{ field: 'petitionerDocumentType', reason: expect.any(String) }]);
    expect(search({ petitionerDocumentType: 'CC' }).problems).toEqual([{ field: 'petitionerDocument', reason: expect.any(String) }]);
  });

  it('turns date ranges into instants (from inclusive, to exclusive), whatever their offset', () => {
    expect(search({ filedFrom: '2026-03-01T00:00:00-05:00', dueTo: '2026-03-02T05:00:00Z' }).where).toEqual([
      { field: 'search.filedMs', op: 'gte', value: Date.parse('2026-03-01T05:00:00Z') },
      { field: 'search.dueMs', op: 'lt', value: Date.parse('2026-03-02T00:00:00-05:00') },
    ]);
  });

  it('reads overdue as open and past the legal due date at the instant of the search, and not overdue as open and within it', () => {
    expect(search({ overdue: true }).where).toEqual([
      { field: 'search.open', op: 'eq', value: 1 },
      { field: 'search.dueMs', op: 'lt', value: NOW },
    ]);
    expect(search({ overdue: false }).where).toEqual([
      { field: 'search.open', op: 'eq', value: 1 },
      { field: 'search.dueMs', op: 'gte', value: NOW },
    ]);
  });

  it('matches status, kind, typology, channel, assignee and filing number exactly', () => {
    const where = search({ status: 'assigned', kind: 'claim', typology: 'billing', channel: 'phone', assigneeId: 'bo-beto', filingNumber: '2026-000042' }).where;
    expect(where).toEqual(
      expect.arrayContaining([
        { field: 'status', op: 'eq', value: 'assigned' },
        { field: 'kind', op: 'eq', value: 'claim' },
        { field: 'typology', op: 'eq', value: 'billing' },
        { field: 'channel', op: 'eq', value: 'phone' },
        { field: 'assigneeId', op: 'eq', value: 'bo-beto' },
        { field: 'filingNumber', op: 'eq', value: '2026-000042' },
      ]),
    );
    expect(where).toHaveLength(6);
  });
});
