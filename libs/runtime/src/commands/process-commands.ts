import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@app/domain';
import { ChangeCaseCommand } from './change-case.command';
import type { CaseCommandPayload } from './change-case.command';
import type { CommandOutcome } from './command-context';
import { toCommandContext } from './to-command-context';

/** Runs a command on a case as a system actor (a process manager, the inbound mail route) with a deterministic command id. */
export type SystemCommandExecutor = (caseId: string, command: CaseCommandPayload, commandId: string) => Promise<CommandOutcome>;
/** The same, telling only whether it appended or found its earlier result. */
export type ProcessCommandSender = (caseId: string, command: CaseCommandPayload, commandId: string) => Promise<'appended' | 'replayed'>;

/**
 * A system actor's commands take the same path as a client's: the CommandBus, then read, fold,
 * decide, append. The deterministic id is the command id (metadata.commandId), so a repeat returns
 * the first result and appends nothing (docs/adr/0002).
 */
export function executeAs(bus: CommandBus, actor: Actor): SystemCommandExecutor {
  return (caseId, command, commandId) => {
    const context = toCommandContext({ actor, idempotencyKey: commandId, correlationId: commandId }, command.type, caseId, command);
    return bus.execute<ChangeCaseCommand, CommandOutcome>(new ChangeCaseCommand(caseId, command, context));
  };
}

export function sendAs(bus: CommandBus, actor: Actor): ProcessCommandSender {
  const execute = executeAs(bus, actor);
  return async (caseId, command, commandId) => ((await execute(caseId, command, commandId)).replayed ? 'replayed' : 'appended');
}
