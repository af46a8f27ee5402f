import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { caseQueuesProjection, usersProjection } from '@app/projections';
import { ReadModelFreshness } from '@app/runtime';
import { ListQueueQuery, PageRequest, QueuePage } from './queues.queries';
import { ToRedistribute } from './to-redistribute';

/** A page of the open cases whose assignee is deactivated now, by due date. */
export class ListToRedistributeQuery {
  constructor(
    readonly page: PageRequest,
    readonly now: string,
  ) {}
}

@QueryHandler(ListToRedistributeQuery)
export class ListToRedistributeHandler implements IQueryHandler<ListToRedistributeQuery, QueuePage> {
  constructor(
    private readonly toRedistribute: ToRedistribute,
    private readonly freshness: ReadModelFreshness,
    private readonly queries: QueryBus,
  ) {}

  async execute({ page, now }: ListToRedistributeQuery): Promise<QueuePage> {
    await this.freshness.waitFor(page.minPosition, [caseQueuesProjection.name, usersProjection.name]);
    return this.queries.execute(new ListQueueQuery(await this.toRedistribute.where(), page, now));
  }
}
