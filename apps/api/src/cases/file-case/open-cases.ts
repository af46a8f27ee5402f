import { Inject, Injectable } from '@nestjs/common';
import { CaseErrors } from '@app/domain';
import { CASES_COLLECTION, CaseView, caseViewProjection } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import type { CommandOutcome } from '@app/runtime';
import { OneAtATime } from './one-at-a-time';

/** Whose case, of what, is being filed or typified: the petitioner's keyed pseudonym and the stored typology value. */
export interface MatterKey {
  petitionerId: string;
  typology: string;
  /** The case being filed or typified itself (a retried filing, a re-typified case), never its own rival. */
  caseId: string;
}

/** Past this many remembered cases, those the case view already has are forgotten at once (else each waits for its matter's next record). */
const RECENT_PRUNE_SIZE = 1000;

interface Rival {
  caseId: string;
  filingNumber: string;
}

/** A case this process recorded open for a matter, until the case view has it (its position). */
interface RecentRival extends Rival {
  position: number;
}

/**
 * One issue, one case (issue 28, ADR 42): a petitioner's open case of the same typology refuses a
 * second one (409 CASE.OPEN_CASE_EXISTS naming it) unless the agent says it is a distinct matter.
 *
 * Looked up in the case view (indexed by petitionerId, open, typology), which lags the event store.
 * So that two filings at once in this process cannot both pass: the records of one matter run one
 * after the other, and each case recorded open is remembered until the case view has reached its
 * position. Filing never waits for the projector (a stopped one does not stop filing). What this
 * does not cover (two API processes within the projector's lag) is in the ADR.
 */
@Injectable()
export class OpenCases {
  private readonly sameMatter = new OneAtATime();
  private readonly recent = new Map<string, RecentRival>();

  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /**
   * Runs `record` unless another case of the matter is open (then 409), one record per matter at a
   * time; `distinctMatter` skips the check. `filingNumber` names the recorded case, remembered while it is open.
   */
  whenNoneOpen(matter: MatterKey, distinctMatter: boolean, record: () => Promise<CommandOutcome>, filingNumber: (outcome: CommandOutcome) => string): Promise<CommandOutcome> {
    const key = `${matter.petitionerId}\u0000${matter.typology}`;
    return this.sameMatter.run(key, async () => {
      if (!distinctMatter) {
        const rival = await this.openRival(matter, key);
        if (rival) throw CaseErrors.openCaseExists(rival.filingNumber, rival.caseId);
      }
      const outcome = await record();
      const open = !outcome.events.some((event) => event.type === 'CaseResolvedAtFirstLine');
      if (open && !outcome.replayed) this.recent.set(key, { caseId: outcome.caseId, filingNumber: filingNumber(outcome), position: outcome.position });
      if (this.recent.size > RECENT_PRUNE_SIZE) await this.forgetWhatTheViewHas();
      return outcome;
    });
  }

  /** The same for typifying an existing case (a web filing, a returned case): its petitioner and filing number read from the case view. */
  async whenNoneOpenFor(caseId: string, typology: string, distinctMatter: boolean, record: () => Promise<CommandOutcome>): Promise<CommandOutcome> {
    const view = (await this.readStore.get<CaseView>(CASES_COLLECTION, caseId))?.data;
    // Not in the view yet, or filed before petitioner ids: the command path answers as it always did.
    if (!view?.petitionerId) return record();
    return this.whenNoneOpen({ petitionerId: view.petitionerId, typology, caseId }, distinctMatter, record, () => view.filingNumber);
  }

  private async forgetWhatTheViewHas(): Promise<void> {
    const reached = (await this.readStore.getCheckpoint(caseViewProjection.name))?.position ?? 0;
    for (const [key, recent] of this.recent) if (recent.position <= reached) this.recent.delete(key);
  }

  private async openRival(matter: MatterKey, key: string): Promise<Rival | null> {
    const inView = await this.openInView(matter);
    if (inView) return { caseId: inView.caseId, filingNumber: inView.filingNumber };
    const recent = this.recent.get(key);
    if (!recent || recent.caseId === matter.caseId) return null;
    const checkpoint = await this.readStore.getCheckpoint(caseViewProjection.name);
    // The view has it by now, and did not find it open: it is not a rival any more.
    if ((checkpoint?.position ?? 0) >= recent.position) {
      this.recent.delete(key);
      return null;
    }
    return recent;
  }

  private async openInView({ petitionerId, typology, caseId }: MatterKey): Promise<CaseView | null> {
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
