import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CASES_COLLECTION, CaseView, caseViewProjection } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { Clock, PetitionerIdentity, ReadModelFreshness, RequestValidationError } from '@app/runtime';
import { findPage } from '../queues/queues.queries';
import { PublicCaseView, toPublicCaseView } from '../case-view/case-view.queries';
import type { CaseSearchQueryDto } from './case-search.dto';
import { caseSearchOf } from './case-search.filters';

export interface CaseSearchPage {
  items: PublicCaseView[];
  nextCursor: string | null;
}

export class SearchCasesQuery {
  constructor(readonly query: CaseSearchQueryDto) {}
}

const DEFAULT_PAGE = 20;

/** `GET /cases`: a page of the case view, filtered and ordered on its indexed search keys (ADR 42). */
@QueryHandler(SearchCasesQuery)
export class SearchCasesHandler implements IQueryHandler<SearchCasesQuery, CaseSearchPage> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly petitioners: PetitionerIdentity,
    private readonly clock: Clock,
  ) {}

  async execute({ query }: SearchCasesQuery): Promise<CaseSearchPage> {
    const { where, sort, problems } = caseSearchOf(query, this.petitioners, this.clock.now().getTime());
    if (problems.length > 0) throw new RequestValidationError(problems);
    await this.freshness.waitFor(query.minPosition, [caseViewProjection.name]);
    const page = await findPage<CaseView>(this.readStore, CASES_COLLECTION, { where, sort, limit: query.limit ?? DEFAULT_PAGE, cursor: query.cursor });
    return { items: page.items.map((item) => toPublicCaseView(item.data)), nextCursor: page.nextCursor };
  }
}
