import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { evolveCase } from '@app/domain';
import type { CaseStatus } from '@app/domain';
import { stateOfView } from '@app/projections';
import type { CaseTimeline } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { canonicalJson, ChangeCaseCommand, toCommandContext } from '@app/runtime';
import type { CaseCommandPayload, CommandOutcome } from '@app/runtime';
import { customerActor } from '../../queries/timeline/customer-case-view';
import { verifyCustomerCase } from '../../queries/timeline/timeline.queries';
import { CustomerReadYourWrites } from './customer-read-your-writes';

/** One command of the customer under `/public/*`, given the case's timeline (what it was verified with). */
export interface CustomerCommand {
  /** Names the command in its command id (`public-<name>:<hash>`). */
  name: string;
  payload: CaseCommandPayload;
  /**
   * What makes two requests the same command (its command id is a hash of it): the same content sent
   * twice, a double click or a retry, records once.
   */
  sameCommandAs: object;
}

/** What a customer command recorded, with the case's status after it. */
export interface CustomerOutcome extends CommandOutcome {
  status: CaseStatus;
}

/**
 * What the customer's commands share: the verification code checked as `GET /public/cases/:filingNumber`
 * checks it (a wrong number or code is the same 404), then the same command path as staff, as actor
 * `customer:<filing number>` (no roles), the command id a hash of what makes it the same command;
 * answered once the tracking read shows what it recorded.
 */
@Injectable()
export class CustomerCommands {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly bus: CommandBus,
    private readonly readYourWrites: CustomerReadYourWrites,
  ) {}

  async execute(filingNumber: string, code: string, commandOf: (timeline: CaseTimeline) => CustomerCommand, requestId?: string): Promise<CustomerOutcome> {
    const { timeline, view } = await verifyCustomerCase(this.readStore, filingNumber, code);
    const { name, payload, sameCommandAs } = commandOf(timeline);
    const commandId = `public-${name}:${createHash('sha256').update(canonicalJson(sameCommandAs)).digest('base64url')}`;
    const headers = { actor: customerActor(filingNumber), idempotencyKey: commandId, correlationId: requestId ?? randomUUID() };
    const context = toCommandContext(headers, payload.type, timeline.caseId, sameCommandAs);
    const outcome = await this.bus.execute<ChangeCaseCommand, CommandOutcome>(new ChangeCaseCommand(timeline.caseId, payload, context));
    await this.readYourWrites.waitFor(outcome.position);
    // The status the events lead to, from the case as its view stood (the domain's own fold).
    return { ...outcome, status: outcome.events.reduce(evolveCase, stateOfView(view)).status };
  }
}

/** The request's id (the events' correlation id), when the logging middleware gave it one. */
export function requestIdOf(request: { id?: unknown }): string | undefined {
  return typeof request.id === 'string' ? request.id : undefined;
}
