import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { caseQueuesProjection, QUEUE_ITEMS_COLLECTION, QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID, QueueItem, QueueSummary } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { toOffsetIso } from '../../command-handling/case-event';
import { ChangeCaseCommand } from '../../command-handling/change-case.command';
import type { CommandContext, CommandOutcome } from '../../command-handling/command-context';
import { ReadModelFreshness } from '../../read-side/read-model-freshness';
import { Clock } from '../../storage/clock';
import { planDistribution } from './distribution-plan';
import { RoundRobinPointer } from './round-robin-pointer';
import type { DistributeCasesDto, DistributionResultDto } from './distribute-cases.dto';

export class DistributeCasesCommand {
  constructor(
    readonly body: DistributeCasesDto,
    readonly context: CommandContext,
    /** Read the queue only once the read models include this position. */
    readonly minPosition?: number,
  ) {}
}

/**
 * Reads the unassigned queue, then assigns each case with its own command pinned to the revision
 * the queue showed: a case someone changed meanwhile is skipped, never reassigned by mistake.
 * A retry with the same Idempotency-Key replays each case's assignment.
 */
@CommandHandler(DistributeCasesCommand)
export class DistributeCasesHandler implements ICommandHandler<DistributeCasesCommand, DistributionResultDto> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly bus: CommandBus,
    private readonly freshness: ReadModelFreshness,
    private readonly roundRobin: RoundRobinPointer,
    private readonly clock: Clock,
  ) {}

  async execute({ body, context, minPosition }: DistributeCasesCommand): Promise<DistributionResultDto> {
    await this.freshness.waitFor(minPosition, [caseQueuesProjection.name]);
    const queue = await this.readStore.find<QueueItem>(QUEUE_ITEMS_COLLECTION, {
      where: [{ field: 'queue', op: 'eq', value: 'unassigned' }],
      sort: [{ field: 'dueAt', direction: 'asc' }],
      limit: body.limit ?? 100,
    });
    const summary = await this.readStore.get<QueueSummary>(QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID);
    // Round-robin goes on from where the last distribution left the rotation (kept in the event store).
    const plan =
      body.rule === 'round-robin' && queue.items.length > 0
        ? await this.roundRobin.deal(body.backofficeIds, queue.items.length, context, toOffsetIso(this.clock.now()))
        : planDistribution(body.rule, queue.items.length, body.backofficeIds, summary?.data.byBackoffice ?? {});
    const result: DistributionResultDto = { rule: body.rule, assigned: [], skipped: [], position: 0 };
    for (const [index, { data: item }] of queue.items.entries()) {
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
}
