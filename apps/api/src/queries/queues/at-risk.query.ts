import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseQueuesProjection, QUEUE_ITEMS_COLLECTION, QueueItem } from '@app/projections';
import { SLA_TIMERS_COLLECTION, SLA_TIMERS_PROJECTION, SlaTimersDoc } from '@app/processes';
import { READ_STORE, ReadStore } from '@app/read-store';
import { ReadModelFreshness } from '@app/runtime';
import { findPage, PageRequest, queueEntry, QueuePage } from './queues.queries';

/** Open cases whose next SLA deadline falls before `horizon` (overdue ones included): urgent first, then soonest first. */
export class ListAtRiskQuery {
  constructor(
    readonly horizon: string,
    readonly page: PageRequest,
    readonly now: string,
  ) {}
}

/**
 * Reads the SLA timers read model (the deadline each case must meet next, from the configured
 * policies capped by the legal term; none while the clock is paused) and the queue items of the page.
 */
@QueryHandler(ListAtRiskQuery)
export class ListAtRiskHandler implements IQueryHandler<ListAtRiskQuery, QueuePage> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ horizon, page, now }: ListAtRiskQuery): Promise<QueuePage> {
    await this.freshness.waitFor(page.minPosition, [caseQueuesProjection.name, SLA_TIMERS_PROJECTION]);
    const found = await findPage<SlaTimersDoc>(this.readStore, SLA_TIMERS_COLLECTION, {
      where: [{ field: 'nextDeadlineMs', op: 'lte', value: Date.parse(horizon) }],
      sort: [
        { field: 'priorityRank', direction: 'asc' },
        { field: 'nextDeadlineMs', direction: 'asc' },
      ],
      limit: page.limit ?? 50,
      cursor: page.cursor,
    });
    const items = await this.readStore.getMany<QueueItem>(QUEUE_ITEMS_COLLECTION, found.items.map((item) => item.id));
    const byId = new Map(items.map((item) => [item.id, item.data]));
    const nowMs = Date.parse(now);
    return {
      items: found.items.flatMap(({ id, data: { nextDeadline } }) => {
        const item = byId.get(id);
        // A case that just left every queue (the queues projection ran ahead of the timers) is not at risk.
        if (!item || !nextDeadline) return [];
        return [{ ...queueEntry(item, nextDeadline.dueMs < nowMs), deadline: { kind: nextDeadline.kind, dueAt: nextDeadline.dueAt } }];
      }),
      nextCursor: found.nextCursor,
    };
  }
}
