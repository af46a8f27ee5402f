import type { Filter, SortSpec } from '@app/read-store';
import type { FieldError } from '@app/runtime';
import type { CaseSearchOrder, CaseSearchQueryDto } from './case-search.dto';

/** The petitioner's keys, computed as at filing (keyed hashes): the search never sees a stored document or email. */
export interface PetitionerKeys {
  idOf(petitioner: { documentType: string; documentNumber: string }): string;
  emailIdOf(email: string): string;
}

export interface CaseSearch {
  where: Filter[];
  sort: SortSpec[];
  /** The fields given that are wrong together (400). */
  problems: FieldError[];
}

const EXACT_FIELDS = ['filingNumber', 'status', 'kind', 'typology', 'channel', 'assigneeId', 'priority'] as const;
const ORDER_FIELDS: Record<CaseSearchOrder, SortSpec> = {
  '-filedAt': { field: 'search.filedMs', direction: 'desc' },
  filedAt: { field: 'search.filedMs', direction: 'asc' },
  '-dueAt': { field: 'search.dueMs', direction: 'desc' },
  dueAt: { field: 'search.dueMs', direction: 'asc' },
};

/** The case view query `GET /cases` asks for (ADR 42); `nowMs` decides what is overdue. */
export function caseSearchOf(query: CaseSearchQueryDto, petitioners: PetitionerKeys, nowMs: number): CaseSearch {
  const where: Filter[] = [];
  const problems: FieldError[] = [];
  for (const field of EXACT_FIELDS) {
    const value = query[field];
    if (value !== undefined) where.push({ field, op: 'eq', value });
  }
  const byPetitioner = petitionerFilters(query, petitioners, problems);
  where.push(...byPetitioner);
  where.push(...rangeFilters('search.filedMs', query.filedFrom, query.filedTo));
  where.push(...rangeFilters('search.dueMs', query.dueFrom, query.dueTo));
  if (query.overdue !== undefined) {
    where.push({ field: 'search.open', op: 'eq', value: 1 }, { field: 'search.dueMs', op: query.overdue ? 'lt' : 'gte', value: nowMs });
  }
  const order = ORDER_FIELDS[query.sort ?? '-filedAt'];
  // A petitioner's cases: the open ones first (what an agent must see before filing another).
  const sort: SortSpec[] = byPetitioner.length > 0 ? [{ field: 'search.open', direction: 'desc' }, order] : [order];
  return { where, sort, problems };
}

function petitionerFilters(query: CaseSearchQueryDto, petitioners: PetitionerKeys, problems: FieldError[]): Filter[] {
  const filters: Filter[] = [];
  const { petitionerDocumentType: documentType, petitionerDocument: documentNumber } = query;
  if (documentType !== undefined && documentNumber !== undefined) {
    filters.push({ field: 'petitionerId', op: 'eq', value: petitioners.idOf({ documentType, documentNumber }) });
  } else if (documentType !== undefined) {
    problems.push({ field: 'petitionerDocument', reason: 'petitionerDocument is required with petitionerDocumentType' });
  } else if (documentNumber !== undefined) {
    problems.push({ field: 'petitionerDocumentType', reason: 'petitionerDocumentType is required with petitionerDocument' });
  }
  if (query.petitionerEmail !== undefined) filters.push({ field: 'search.petitionerEmailId', op: 'eq', value: petitioners.emailIdOf(query.petitionerEmail) });
  return filters;
}

function rangeFilters(field: string, from: string | undefined, to: string | undefined): Filter[] {
  const filters: Filter[] = [];
  if (from !== undefined) filters.push({ field, op: 'gte', value: Date.parse(from) });
  if (to !== undefined) filters.push({ field, op: 'lt', value: Date.parse(to) });
  return filters;
}
