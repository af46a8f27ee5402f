import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandService } from './case-command.service';
import type { CaseCommandInput } from './case-command.service';
import type { CommandContext, CommandOutcome } from './command-context';

export type CaseCommandPayload = Exclude<CaseCommandInput, { type: 'FileCase' }>;

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
    return this.commands.execute(caseId, payload, context);
  }
}
