import { Inject } from '@nestjs/common';
import type { NextDeadline } from '@app/domain';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseQueuesProjection, QUEUE_ITEMS_COLLECTION, QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID, QueueItem, QueueSummary, QUEUES } from '@app/projections';
import { Filter, FindQuery, InvalidCursorError, Page, READ_STORE, ReadStore } from '@app/read-store';
import { ReadModelFreshness, RequestValidationError } from '@app/runtime';

export type QueueEntry = Omit<QueueItem, 'state'> & {
  overdue: boolean;
  /** At-risk queue only: the SLA deadline the case must meet next (first response or resolution, capped by the legal deadline). */
  deadline?: NextDeadline;
};

export interface QueuePage {
  items: QueueEntry[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
  minPosition?: number;
}

/** A page of one queue, urgent cases first, then by due date (soonest first) or, with `orderBy: 'filedAt'`, oldest first. `now` marks overdue entries. */
export class ListQueueQuery {
  constructor(
    readonly where: Filter[],
    readonly page: PageRequest,
    readonly now: string,
    readonly orderBy: 'dueAt' | 'filedAt' = 'dueAt',
  ) {}
}

export class GetQueueSummaryQuery {
  constructor(readonly minPosition?: number) {}
}

@QueryHandler(ListQueueQuery)
export class ListQueueHandler implements IQueryHandler<ListQueueQuery, QueuePage> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ where, page, now, orderBy }: ListQueueQuery): Promise<QueuePage> {
    await this.freshness.waitFor(page.minPosition, [caseQueuesProjection.name]);
    const found = await findPage<QueueItem>(this.readStore, QUEUE_ITEMS_COLLECTION, {
      where,
      sort: [
        { field: 'priorityRank', direction: 'asc' },
        { field: orderBy, direction: 'asc' },
      ],
      limit: page.limit ?? 50,
      cursor: page.cursor,
    });
    const nowMs = Date.parse(now);
    return { items: found.items.map(({ data }) => queueEntry(data, Date.parse(data.dueAt) < nowMs)), nextCursor: found.nextCursor };
  }
}

/** A queue item as the API shows it: without the decider's state. */
export function queueEntry({ state: _state, ...item }: QueueItem, overdue: boolean): QueueEntry {
  return { ...item, overdue };
}

/** A page of a collection; a cursor that does not belong to the query is the client's 400. */
export async function findPage<T extends object>(readStore: ReadStore, collection: string, query: FindQuery): Promise<Page<T>> {
  try {
    return await readStore.find<T>(collection, query);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new RequestValidationError([{ field: 'cursor', reason: error.message }]);
    throw error;
  }
}

@QueryHandler(GetQueueSummaryQuery)
export class GetQueueSummaryHandler implements IQueryHandler<GetQueueSummaryQuery, QueueSummary> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async execute({ minPosition }: GetQueueSummaryQuery): Promise<QueueSummary> {
    await this.freshness.waitFor(minPosition, [caseQueuesProjection.name]);
    const found = await this.readStore.get<QueueSummary>(QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID);
    return found?.data ?? { queues: Object.fromEntries(QUEUES.map((queue) => [queue, 0])) as QueueSummary['queues'], byBackoffice: {}, byReturnedAgent: {} };
  }
}
