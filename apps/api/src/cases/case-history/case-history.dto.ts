import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class CaseHistoryQueryDto {
  @ApiPropertyOptional({ description: 'Only events that occurred at or before this instant, and the state they give', example: '2026-03-10T12:00:00-05:00', format: 'date-time' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 instant' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'asOf must be an instant with its offset (Z or ±hh:mm)' })
  asOf?: string;
}

export class HistoryEventDto {
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
  @ApiProperty({ example: 'CaseFiled' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'eventId, schemaVersion, correlationId, causationId, actorId, occurredAt, commandId…' })
  metadata: Record<string, unknown>;
  @ApiProperty() recordedAt: string;
}

export class CaseHistoryDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'Revision of the last event listed' }) revision: number;
  @ApiProperty({ type: [HistoryEventDto] }) events: HistoryEventDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'With asOf: the case state folded from the events listed' })
  state?: Record<string, unknown>;
}
