import { CommandBus } from '@nestjs/cqrs';
import { SLA_ACTOR_ID } from '@app/domain';
import { sendAs } from '@app/runtime';
import type { SlaCommandSender } from './sla-process-manager';

/** The SLA process manager's commands, as actor `system:sla`, through the CommandBus (process-commands.ts). */
export function sendThroughCommandBus(bus: CommandBus): SlaCommandSender {
  return sendAs(bus, { id: SLA_ACTOR_ID, roles: [] });
}
