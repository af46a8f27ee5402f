import { Controller, ForbiddenException, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Actor } from '@app/domain';
import { QueueSummary } from '@app/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Roles } from '../../auth/roles.decorator';
import { Clock, RequestValidationError, toOffsetIso } from '@app/runtime';
import { FreshnessQueryDto, ListQueryDto } from '../../read-side/list-query.dto';
import { ListAtRiskQuery } from './at-risk.query';
import { ListToRedistributeQuery } from './to-redistribute.query';
import { QueuePageDto, QueueSummaryDto } from './queues.dto';
import { GetQueueSummaryQuery, ListQueueQuery, QueuePage } from './queues.queries';
import { ApiErrors } from '../../http/api-errors.decorator';

export class AtRiskQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 720, default: 24, description: 'Cases due within this many hours, and every overdue one' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(720)
  withinHours?: number;
}

const USER_ID = /^[\x21-\x7e]{1,100}$/;

@ApiTags('queues')
@ApiBearerAuth()
@Controller('queues')
export class QueuesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get('to-typify')
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Cases the customer filed on the web, not typified yet, oldest first: any agent typifies one with POST /cases/:id/typification' })
  @ApiResponse({ status: 200, type: QueuePageDto })
  toTypify(@Query() query: ListQueryDto): Promise<QueuePage> {
    return this.list([{ field: 'queue', op: 'eq', value: 'to_typify' }], query, 'filedAt');
  }

  @Get('unassigned')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Filed cases waiting for distribution, by due date' })
  @ApiResponse({ status: 200, type: QueuePageDto })
  unassigned(@Query() query: ListQueryDto): Promise<QueuePage> {
    return this.list([{ field: 'queue', op: 'eq', value: 'unassigned' }], query);
  }

  @Get('backoffice/:userId')
  @Roles('backoffice', 'supervisor')
  @ApiErrors('AUTH.NOT_OWN_QUEUE')
  @ApiOperation({ summary: "A backoffice agent's open cases, by due date (own queue, or any as supervisor)" })
  @ApiResponse({ status: 200, type: QueuePageDto })
  backoffice(@Param('userId') userId: string, @Query() query: ListQueryDto, @CurrentActor() actor: Actor): Promise<QueuePage> {
    requireOwnQueue(actor, userId);
    return this.list([{ field: 'queue', op: 'eq', value: 'backoffice' }, { field: 'assigneeId', op: 'eq', value: userId }], query);
  }

  @Get('returned/:userId')
  @Roles('agent', 'supervisor')
  @ApiErrors('AUTH.NOT_OWN_QUEUE')
  @ApiOperation({ summary: 'Cases returned to an agent for re-typification (own queue, or any as supervisor)' })
  @ApiResponse({ status: 200, type: QueuePageDto })
  returned(@Param('userId') userId: string, @Query() query: ListQueryDto, @CurrentActor() actor: Actor): Promise<QueuePage> {
    requireOwnQueue(actor, userId);
    return this.list([{ field: 'queue', op: 'eq', value: 'returned' }, { field: 'returnedTo', op: 'eq', value: userId }], query);
  }

  @Get('to-redistribute')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Open cases whose assignee is deactivated now, by due date, each with its assigneeId (a reactivation takes them out again): ' +
      'POST /cases/distribution with `from: to-redistribute` hands them to active agents',
  })
  @ApiResponse({ status: 200, type: QueuePageDto })
  toRedistribute(@Query() query: ListQueryDto): Promise<QueuePage> {
    return this.queries.execute(new ListToRedistributeQuery(query, toOffsetIso(this.clock.now())));
  }

  @Get('awaiting-customer')
  @Roles('backoffice', 'supervisor')
  @ApiOperation({ summary: 'Cases waiting on the customer: information requested, or a resolved response inside the counter-reply window' })
  @ApiResponse({ status: 200, type: QueuePageDto })
  awaitingCustomer(@Query() query: ListQueryDto): Promise<QueuePage> {
    return this.list([{ field: 'queue', op: 'eq', value: 'awaiting_customer' }], query);
  }

  @Get('at-risk')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Open cases whose next SLA deadline (first response, or resolution capped by the legal deadline) falls within `withinHours` or has passed; ' +
      'a clock paused on the customer has none; urgent cases first, then the soonest deadline. Each entry carries that `deadline`.',
  })
  @ApiResponse({ status: 200, type: QueuePageDto })
  atRisk(@Query() query: AtRiskQueryDto): Promise<QueuePage> {
    const now = this.clock.now();
    const horizon = toOffsetIso(new Date(now.getTime() + (query.withinHours ?? 24) * 3600_000));
    return this.queries.execute(new ListAtRiskQuery(horizon, query, toOffsetIso(now)));
  }

  @Get('summary')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Counts per queue and per backoffice agent (one document, kept up to date by the projection)' })
  @ApiResponse({ status: 200, type: QueueSummaryDto })
  summary(@Query() query: FreshnessQueryDto): Promise<QueueSummary> {
    return this.queries.execute(new GetQueueSummaryQuery(query.minPosition));
  }

  private list(where: ListQueueQuery['where'], query: ListQueryDto, orderBy?: ListQueueQuery['orderBy']): Promise<QueuePage> {
    return this.queries.execute(new ListQueueQuery(where, query, toOffsetIso(this.clock.now()), orderBy));
  }
}

function requireOwnQueue(actor: Actor, userId: string): void {
  if (!USER_ID.test(userId)) throw new RequestValidationError([{ field: 'userId', reason: 'userId must be 1-100 visible ASCII characters' }]);
  if (!actor.roles.includes('supervisor') && actor.id !== userId) {
    throw new ForbiddenException({ code: 'AUTH.NOT_OWN_QUEUE', message: 'Only your own queue, unless you are a supervisor' });
  }
}
