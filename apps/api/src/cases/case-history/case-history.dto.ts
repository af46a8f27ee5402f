import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CalendarInstant, fromBooleanWord } from '../../http/field.decorators';
import type { ChainBreakReason } from '@app/event-store';

const INTEGRITY_REASONS: (ChainBreakReason | 'truncated')[] = ['missing-hash', 'hash-mismatch', 'unreadable-metadata', 'revision-gap', 'truncated'];

export class CaseHistoryQueryDto {
  @CalendarInstant({ required: false, description: 'Only events that occurred at or before this instant, and the state they give', example: '2026-03-10T12:00:00-05:00' })
  @IsOptional()
  asOf?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: also check the hash chain of the case stream, as stored (`integrity` in the answer)', example: true })
  @IsOptional() @Transform(fromBooleanWord) @IsBoolean({ message: 'verify must be true or false' })
  verify?: boolean;
}

export class MissingEventDto {
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'Its global position, as the projections saw it' }) position: number;
  @ApiProperty({ example: 'CaseAssigned' }) type: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty() actorId: string;
}

export class StreamIntegrityDto {
  @ApiProperty({ description: 'true: every event of the case stream, as stored, matches its hash chained to the previous event (ADR 9)' })
  intact: boolean;
  @ApiPropertyOptional({ description: 'When intact: how many events were checked' })
  events?: number;
  @ApiPropertyOptional({ description: 'When broken: the revision of the first event that fails the check' })
  firstBrokenRevision?: number;
  @ApiPropertyOptional({ description: 'When broken: the global position of that event' })
  firstBrokenPosition?: number;
  @ApiPropertyOptional({
    enum: INTEGRITY_REASONS,
    description:
      'When broken: hash-mismatch (the event, as stored, or its link to the previous one was altered), missing-hash (written before chaining, or the hash removed), ' +
      'unreadable-metadata, revision-gap (an event removed), truncated (the last events are gone: the read models saw them, the stream no longer holds them; ADR 9)',
  })
  reason?: ChainBreakReason | 'truncated';
  @ApiPropertyOptional({
    type: [MissingEventDto],
    description: 'When events the read models saw (the case timeline, kept outside the event store) are not in the stream: each of them, as the projections saw it',
  })
  missing?: MissingEventDto[];
}

export class HistoryEventDto {
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
  @ApiProperty({ example: 'CaseFiled' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'eventId, schemaVersion, correlationId, causationId, actorId, occurredAt, commandId…, and hash: the SHA-256 chaining the event to the previous one (ADR 9)' })
  metadata: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, example: 'Beto Díaz', description: "The display name of metadata.actorId in the user directory as it stands now; null when the actor is not in it (a customer, the system, a script's token)" })
  actorName: string | null;
  @ApiProperty() recordedAt: string;
}

export class CaseHistoryDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'Revision of the last event listed' }) revision: number;
  @ApiProperty({ type: [HistoryEventDto] }) events: HistoryEventDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'With asOf: the case state folded from the events listed' })
  state?: Record<string, unknown>;
  @ApiPropertyOptional({ type: StreamIntegrityDto, description: 'With verify=true: the hash chain of the whole case stream (whatever asOf), checked on the events as stored' })
  integrity?: StreamIntegrityDto;
}
