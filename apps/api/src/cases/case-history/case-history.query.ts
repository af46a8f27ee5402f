import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CaseDecider, CaseErrors, caseStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CaseTimeline, TIMELINES_COLLECTION } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { CASE_DECIDER, toCaseEvent } from '@app/runtime';
import type { CaseHistoryDto } from './case-history.dto';
import { ActorNames } from '../../read-side/actor-names';
import { checkAgainstAnchor } from './stream-anchor';

export class GetCaseHistoryQuery {
  constructor(
    readonly caseId: string,
    readonly asOf?: string,
    /** Also check the stream's hash chain. */
    readonly verify = false,
  ) {}
}

/** Auditors read the history straight from the event store, never from a read model (which only anchors `?verify=true`). */
@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery, CaseHistoryDto> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_DECIDER) private readonly decider: CaseDecider,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly actorNames: ActorNames,
  ) {}

  async execute({ caseId, asOf, verify }: GetCaseHistoryQuery): Promise<CaseHistoryDto> {
    const streamId = caseStreamId(caseId);
    // What the projections saw of the case, read first: it can only lag the stream read next, never lead it.
    const anchor = verify ? ((await this.readStore.get<CaseTimeline>(TIMELINES_COLLECTION, caseId))?.data.entries ?? []) : [];
    const recorded = await this.store.readStream(streamId);
    // A stream emptied after the read models saw the case is still reported (every event missing).
    if (recorded.length === 0 && anchor.length === 0) throw CaseErrors.notFound();
    const until = asOf === undefined ? Infinity : Date.parse(asOf);
    const events = recorded.filter((event) => Date.parse(String(event.metadata.occurredAt)) <= until);
    const history: CaseHistoryDto = {
      caseId,
      revision: events.length > 0 ? events[events.length - 1].revision : -1,
      events: (await this.actorNames.name(events.map((event) => ({ event, actorId: String(event.metadata.actorId) })))).map(
        ({ event: { revision, position, type, data, metadata, recordedAt }, actorName }) => ({ revision, position, type, data, metadata, actorName, recordedAt }),
      ),
    };
    if (asOf !== undefined) {
      history.state = events.map(toCaseEvent).reduce(this.decider.evolve, this.decider.initialState()) as unknown as Record<string, unknown>;
    }
    // Checked after the read: the verdict covers at least every event listed.
    if (verify) {
      const chain = await this.store.verifyStream(streamId);
      history.integrity = checkAgainstAnchor(chain, recorded.map((event) => event.revision), anchor);
    }
    return history;
  }
}
