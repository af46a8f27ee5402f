import { DomainError, slaCommandId, slaTimerCommand } from '@app/domain';
import type { SlaTimer, SlaTimerCommand } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { Projection } from '@app/projections';
import { SLA_TIMERS_COLLECTION } from './sla-timers.projection';
import type { SlaTimersDoc } from './sla-timers.projection';
import type { ReadStore } from '@app/read-store';
import { ProcessManagerBase, ProcessManagerOptions } from '@app/projector';
import type { ProjectionStatus } from '@app/projector';

/** Sends one command through the command path; resolves with whether it appended or found its earlier result. */
export type SlaCommandSender = (caseId: string, command: SlaTimerCommand, commandId: string) => Promise<'appended' | 'replayed'>;

export interface SlaFiring {
  caseId: string;
  timer: SlaTimer;
  commandId: string;
  /** `refused`: the case moved on (the decider said no); `failed`: a store was unavailable, tried again next tick. */
  outcome: 'appended' | 'replayed' | 'refused' | 'failed';
  error?: string;
}

export interface SlaProcessManagerOptions extends ProcessManagerOptions {
  send: SlaCommandSender;
  /** False: keep the timers read model up to date, send nothing (another process acts, or the rule is off). */
  acting: boolean;
}

export interface SlaProcessStatus {
  acting: boolean;
  timers: ProjectionStatus | undefined;
}

/**
 * The SLA process manager. Its timers read model is a projection with its own checkpoint, fed from
 * the event store by a Projector; at each tick it catches the timers up to the head, then sends the
 * command of every timer due by `now` — with a deterministic command id, so that a repeat after a
 * crash appends nothing. A timer the case moved past was removed by the events already; the
 * decider refuses what is left stale. One tick at a time (`runOnce` is serialised).
 */
export class SlaProcessManager extends ProcessManagerBase<SlaFiring> {
  private readonly refused = new Set<string>();

  constructor(
    events: EventStore,
    readStore: ReadStore,
    projection: Projection,
    private readonly options: SlaProcessManagerOptions,
  ) {
    super(events, readStore, projection, { ...options, name: 'sla' });
  }

  status(): SlaProcessStatus {
    return { acting: this.options.acting, timers: this.readModelStatus() };
  }

  protected async tick(): Promise<SlaFiring[]> {
    await this.projector.catchUp();
    if (!this.options.acting) return [];
    const nowMs = this.options.now().getTime();
    const firings: SlaFiring[] = [];
    for (const doc of await this.dueDocuments(nowMs)) {
      // In the schedule's order: overdue facts before a closing, so that closing never hides a fact still owed.
      for (const timer of doc.timers) {
        if (timer.dueMs >= nowMs) continue;
        const firing = await this.fire(doc.caseId, timer);
        if (firing) firings.push(firing);
      }
    }
    if (firings.some((firing) => firing.outcome === 'appended')) await this.projector.catchUp();
    return firings;
  }

  private dueDocuments(nowMs: number): Promise<SlaTimersDoc[]> {
    return this.findAll<SlaTimersDoc>(SLA_TIMERS_COLLECTION, {
      where: [{ field: 'nextTimerMs', op: 'lt', value: nowMs }],
      sort: [{ field: 'nextTimerMs', direction: 'asc' }],
    });
  }

  private async fire(caseId: string, timer: SlaTimer): Promise<SlaFiring | null> {
    const commandId = slaCommandId(caseId, timer);
    if (this.refused.has(commandId)) return null;
    const { kind, dueAt, informationRequestedAt } = timer;
    const plain: SlaTimer = informationRequestedAt ? { kind, dueAt, informationRequestedAt } : { kind, dueAt };
    try {
      return { caseId, timer: plain, commandId, outcome: await this.options.send(caseId, slaTimerCommand(plain), commandId) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof DomainError) {
        // The case moved on between the timers' catch-up and the command: not retried in this process.
        this.refused.add(commandId);
        this.log(`sla: ${commandId} refused (${error.code}): ${message}`);
        return { caseId, timer: plain, commandId, outcome: 'refused', error: error.code };
      }
      this.log(`sla: ${commandId} failed, retrying on the next tick: ${message}`);
      return { caseId, timer: plain, commandId, outcome: 'failed', error: message };
    }
  }
}
