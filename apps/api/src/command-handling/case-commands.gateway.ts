import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CaseCommandPayload, ChangeCaseCommand, toCommandContext } from '@app/runtime';
import type { CommandOutcome } from '@app/runtime';
import { CommandResponseDto, toCommandResponse } from './command-response.dto';
import { HttpCommandHeaders } from './http-command.decorator';

/** What every case command controller does: add the context, send through the CommandBus, shape the response. */
@Injectable()
export class CaseCommandsGateway {
  constructor(private readonly bus: CommandBus) {}

  async change(caseId: string, payload: CaseCommandPayload, body: object, headers: HttpCommandHeaders): Promise<CommandResponseDto> {
    return toCommandResponse(await this.execute(caseId, payload, body, headers));
  }

  /** The same, answering with the outcome itself (its events), for a route whose response says more. */
  execute(caseId: string, payload: CaseCommandPayload, body: object, headers: HttpCommandHeaders): Promise<CommandOutcome> {
    const context = toCommandContext(headers, payload.type, caseId, body);
    return this.bus.execute<ChangeCaseCommand, CommandOutcome>(new ChangeCaseCommand(caseId, payload, context));
  }
}
