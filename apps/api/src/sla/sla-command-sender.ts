import { CommandBus } from '@nestjs/cqrs';
import { SLA_ACTOR_ID } from '@app/domain';
import type { SlaCommandSender } from '@app/projector';
import { sendAs } from '../command-handling/process-commands';

/** The SLA process manager's commands, as actor `system:sla`, through the CommandBus (process-commands.ts). */
export function sendThroughCommandBus(bus: CommandBus): SlaCommandSender {
  return sendAs(bus, { id: SLA_ACTOR_ID, roles: [] });
}
