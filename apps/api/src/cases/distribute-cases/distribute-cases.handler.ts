import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { caseQueuesProjection, QUEUE_ITEMS_COLLECTION, QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID, QueueItem, QueueSummary, usersProjection } from '@app/projections';
import { Filter, READ_STORE, ReadStore, StoredDocument } from '@app/read-store';
import { Assignees, ChangeCaseCommand, Clock, ReadModelFreshness, toOffsetIso } from '@app/runtime';
import type { CommandContext, CommandOutcome } from '@app/runtime';
import { planDistribution } from './distribution-plan';
import { RoundRobinPointer } from './round-robin-pointer';
import { ToRedistribute } from '../../queries/queues/to-redistribute';
import { TeamMembers } from './team-members';
import type { DistributeCasesDto, DistributionResultDto, DistributionSource } from './distribute-cases.dto';

export class DistributeCasesCommand {
  constructor(
    readonly body: DistributeCasesDto,
    readonly context: CommandContext,
    /** Read the queue only once the read models include this position. */
    readonly minPosition?: number,
  ) {}
}

/**
 * Checks the agents first (a team's: its assignable members; a list: everyone assignable, else 422
 * naming who is not, and nothing assigned), reads the queue the cases come from (the unassigned
 * one, or the cases of deactivated users), then assigns each case with its own command pinned to
 * the revision the queue showed: a case someone changed meanwhile is skipped, never reassigned by
 * mistake. A retry with the same Idempotency-Key replays each case's assignment.
 */
@CommandHandler(DistributeCasesCommand)
export class DistributeCasesHandler implements ICommandHandler<DistributeCasesCommand, DistributionResultDto> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly bus: CommandBus,
    private readonly freshness: ReadModelFreshness,
    private readonly roundRobin: RoundRobinPointer,
    private readonly clock: Clock,
    private readonly assignees: Assignees,
    private readonly teamMembers: TeamMembers,
    private readonly toRedistribute: ToRedistribute,
  ) {}

  async execute({ body, context, minPosition }: DistributeCasesCommand): Promise<DistributionResultDto> {
    const agents = await this.agents(body, minPosition);
    const queue = await this.casesFrom(body.from ?? 'unassigned', body.limit ?? 100, minPosition);
    const summary = await this.readStore.get<QueueSummary>(QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID);
    // Round-robin goes on from where the last distribution left the rotation (kept in the event store).
    const plan =
      body.rule === 'round-robin' && queue.length > 0
        ? await this.roundRobin.deal(agents, queue.length, context, toOffsetIso(this.clock.now()))
        : planDistribution(body.rule, queue.length, agents, summary?.data.byBackoffice ?? {});
    const result: DistributionResultDto = { rule: body.rule, assigned: [], skipped: [], position: 0 };
    for (const [index, { data: item }] of queue.entries()) {
      const backofficeId = plan[index];
      try {
        const outcome = await this.bus.execute<ChangeCaseCommand, CommandOutcome>(
          new ChangeCaseCommand(item.caseId, { type: 'AssignCase', data: { backofficeId } }, {
            ...context,
            expectedRevision: item.revision,
            idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:${item.caseId}`,
          }),
        );
        // A replayed assignment (same Idempotency-Key) reports the agent it really went to.
        const assignedTo = outcome.events.find((event) => event.type === 'CaseAssigned')?.data.backofficeId ?? backofficeId;
        result.assigned.push({ caseId: item.caseId, filingNumber: item.filingNumber, backofficeId: assignedTo, revision: outcome.revision, position: outcome.position });
        result.position = Math.max(result.position, outcome.position);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) result.skipped.push({ caseId: item.caseId, code: 'CONCURRENCY.CONFLICT' });
        else if (error instanceof DomainError) result.skipped.push({ caseId: item.caseId, code: error.code });
        else throw error;
      }
    }
    return result;
  }

  private async agents(body: DistributeCasesDto, minPosition?: number): Promise<string[]> {
    if (body.teamId !== undefined) return this.teamMembers.assignable(body.teamId, minPosition);
    const agents = body.backofficeIds!;
    await this.assignees.requireAssignable(agents);
    return agents;
  }

  /** The cases to deal, soonest due first: filed and unassigned, or those of deactivated users. */
  private async casesFrom(from: DistributionSource, limit: number, minPosition?: number): Promise<StoredDocument<QueueItem>[]> {
    if (from === 'unassigned') {
      await this.freshness.waitFor(minPosition, [caseQueuesProjection.name]);
      return this.oldestDue([{ field: 'queue', op: 'eq', value: 'unassigned' }], limit);
    }
    await this.freshness.waitFor(minPosition, [caseQueuesProjection.name, usersProjection.name]);
    return this.oldestDue(await this.toRedistribute.where(), limit);
  }

  private async oldestDue(where: Filter[], limit: number): Promise<StoredDocument<QueueItem>[]> {
    return (await this.readStore.find<QueueItem>(QUEUE_ITEMS_COLLECTION, { where, sort: [{ field: 'dueAt', direction: 'asc' }], limit })).items;
  }
}
