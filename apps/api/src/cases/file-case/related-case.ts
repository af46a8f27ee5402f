import { Inject, Injectable } from '@nestjs/common';
import { CaseErrors } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CASES_COLLECTION, caseViewProjection } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { ReadModelFreshness } from '@app/runtime';

/**
 * The earlier case a filing cites (`relatedFilingNumber`) must exist (422 CASE.RELATED_NOT_FOUND).
 *
 * Looked up in the case view (indexed by filing number). A miss is not trusted at once: the view is
 * eventually consistent, and the case may have been filed a moment ago. Every case filed before this
 * request has its CaseFiled at or below the event store's head, so on a miss we wait until the case
 * view has reached the head read now (bounded, as `?minPosition=`; 503 READ_MODEL.BEHIND past it, never
 * a wrong 422) and look again. A hit, the usual case, costs one indexed read. Why not the event store
 * alone: the filing-number sequence hands out numbers that may never be filed (gaps), and an index
 * stream per filing number would cost every filing a second, non-atomic append (ADR 23).
 */
@Injectable()
export class RelatedCases {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async requireFiled(filingNumber: string): Promise<void> {
    if (await this.isInCaseView(filingNumber)) return;
    await this.freshness.waitFor(await this.eventStore.headPosition(), [caseViewProjection.name]);
    if (!(await this.isInCaseView(filingNumber))) throw CaseErrors.relatedNotFound(filingNumber);
  }

  private async isInCaseView(filingNumber: string): Promise<boolean> {
    const page = await this.readStore.find(CASES_COLLECTION, { where: [{ field: 'filingNumber', op: 'eq', value: filingNumber }], limit: 1 });
    return page.items.length > 0;
  }
}
