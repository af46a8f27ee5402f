import { ApiProperty } from '@nestjs/swagger';
import type { CommandOutcome } from '@app/runtime';

export class CommandResponseDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'The case revision after the command (also the ETag)' }) revision: number;
  @ApiProperty({ description: 'Global position of the last event: pass it as ?minPosition= to read your own write' }) position: number;
  @ApiProperty({ description: 'The events the command appended (or had appended, when replayed)', example: ['CaseAssigned'] }) events: string[];
  @ApiProperty({ description: 'True when this Idempotency-Key was seen before and nothing new was appended' }) replayed: boolean;
}

export function toCommandResponse(outcome: CommandOutcome): CommandResponseDto {
  return {
    caseId: outcome.caseId,
    revision: outcome.revision,
    position: outcome.position,
    events: outcome.events.map((event) => event.type),
    replayed: outcome.replayed,
  };
}
