import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from '@app/domain';
import { CaseCommandService } from './case-command.service';
import type { CommandContext, CommandOutcome } from './command-context';

type WithoutContext<T> = T extends unknown ? Omit<T, 'actor' | 'at'> : never;
export type CaseCommandPayload = WithoutContext<Exclude<CaseCommand, { type: 'FileCase' }>>;

/** Any command on an existing case: the actor and the time are added on the command path. */
export class ChangeCaseCommand {
  constructor(
    readonly caseId: string,
    readonly payload: CaseCommandPayload,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeCaseCommand)
export class ChangeCaseHandler implements ICommandHandler<ChangeCaseCommand, CommandOutcome> {
  constructor(private readonly commands: CaseCommandService) {}

  execute({ caseId, payload, context }: ChangeCaseCommand): Promise<CommandOutcome> {
    return this.commands.execute(caseId, (at) => ({ ...payload, actor: context.actor, at }) as CaseCommand, context);
  }
}
