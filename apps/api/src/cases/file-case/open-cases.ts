import { Inject, Injectable } from '@nestjs/common';
import { CaseErrors } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CASES_COLLECTION, CaseView, caseViewProjection } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { ReadModelFreshness } from '@app/runtime';
import { OneAtATime } from './one-at-a-time';

/** Whose case, of what, is being filed or typified: the petitioner's keyed pseudonym and the stored typology value. */
export interface MatterKey {
  petitionerId: string;
  typology: string;
  /** The case being filed or typified itself (a retried filing, a re-typified case), never its own rival. */
  caseId: string;
}

/**
 * One issue, one case (issue 28, ADR 42): a petitioner's open case of the same typology refuses a
 * second one (409 CASE.OPEN_CASE_EXISTS naming it) unless the agent says it is a distinct matter.
 *
 * Looked up in the case view (indexed by petitionerId, open, typology). A miss is not trusted at once:
 * the view lags the event store, so on a miss the view is awaited up to the head read now (as
 * RelatedCases does). Two filings at once for one matter run one after the other in this process, so
 * the second's wait covers the first's CaseFiled. What this does not cover (two API processes at the
 * same instant) is in the ADR.
 */
@Injectable()
export class OpenCases {
  private readonly sameMatter = new OneAtATime();

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  /** Runs `record` once no other open case of the matter stands (unless `distinctMatter`), one record per matter at a time. */
  whenNoneOpen<T>(matter: MatterKey, distinctMatter: boolean, record: () => Promise<T>): Promise<T> {
    if (distinctMatter) return record();
    return this.sameMatter.run(`${matter.petitionerId}\u0000${matter.typology}`, async () => {
      await this.requireNoneOpen(matter);
      return record();
    });
  }

  /** The same for typifying an existing case (a web filing, a returned case): its petitioner read from the case view. */
  async whenNoneOpenFor<T>(caseId: string, typology: string, distinctMatter: boolean, record: () => Promise<T>): Promise<T> {
    if (distinctMatter) return record();
    const petitionerId = await this.petitionerOf(caseId);
    // No view (not filed, or filed before petitioner ids): the command path answers as it always did.
    return petitionerId ? this.whenNoneOpen({ petitionerId, typology, caseId }, false, record) : record();
  }

  private async petitionerOf(caseId: string): Promise<string | null> {
    let view = await this.readStore.get<CaseView>(CASES_COLLECTION, caseId);
    if (!view) {
      await this.freshness.waitFor(await this.eventStore.headPosition(), [caseViewProjection.name]);
      view = await this.readStore.get<CaseView>(CASES_COLLECTION, caseId);
    }
    return view?.data.petitionerId ?? null;
  }

  private async requireNoneOpen(matter: MatterKey): Promise<void> {
    let open = await this.openRival(matter);
    if (!open) {
      await this.freshness.waitFor(await this.eventStore.headPosition(), [caseViewProjection.name]);
      open = await this.openRival(matter);
    }
    if (open) throw CaseErrors.openCaseExists(open.filingNumber, open.caseId);
  }

  private async openRival({ petitionerId, typology, caseId }: MatterKey): Promise<CaseView | null> {
    const page = await this.readStore.find<CaseView>(CASES_COLLECTION, {
      where: [
        { field: 'petitionerId', op: 'eq', value: petitionerId },
        { field: 'search.open', op: 'eq', value: 1 },
        { field: 'typology', op: 'eq', value: typology },
        { field: 'id', op: 'ne', value: caseId },
      ],
      sort: [{ field: 'search.filedMs', direction: 'asc' }],
      limit: 1,
    });
    return page.items[0]?.data ?? null;
  }
}
