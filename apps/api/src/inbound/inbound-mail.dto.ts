import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CUSTOMER_EMAIL_DISPOSITIONS } from '@app/domain';
import { UUID_PATTERN } from '../http/field.decorators';
import { ListQueryDto } from '../read-side/list-query.dto';

export class InboundEmailResultDto {
  @ApiProperty({
    enum: [...CUSTOMER_EMAIL_DISPOSITIONS, 'unmatched'],
    description:
      'information: InformationReceived; counter_reply: CounterReplyReceived (the case reopens); late: after the counter-reply window, the customer is answered; noted: kept on the case; unmatched: queued for a supervisor',
  })
  outcome: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The case the email was threaded into' }) caseId?: string;
  @ApiPropertyOptional({ description: 'Global position of the last event (for ?minPosition=)' }) position?: number;
  @ApiPropertyOptional({ description: 'True when the same message was posted before: nothing new was appended' }) replayed?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Its id in the unmatched mail queue' }) unmatchedId?: string;
}

export class StoredAttachmentDto {
  @ApiProperty({ example: 'factura.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the content, its file name under DATA_DIR/attachments/<petitionerId>' }) storageKey: string;
}

export class UnmatchedEmailErasedDto {
  @ApiProperty() erasedBy: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000-05:00' }) erasedAt: string;
}

export class UnmatchedEmailErasureDto {
  @ApiProperty({ format: 'uuid' }) unmatchedId: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000-05:00' }) erasedAt: string;
  @ApiProperty({ type: 'integer', description: 'Attachment files deleted from DATA_DIR' }) filesDeleted: number;
  @ApiProperty({ description: 'Erased before: nothing more was done' }) already: boolean;
}

export class UnmatchedEmailDto {
  @ApiProperty({ format: 'uuid' }) unmatchedId: string;
  @ApiPropertyOptional({ type: String, nullable: true }) messageId: string | null;
  @ApiProperty() subject: string;
  @ApiProperty({ description: "The customer's text, without the quoted history" }) body: string;
  @ApiProperty({ type: [StoredAttachmentDto] }) attachments: StoredAttachmentDto[];
  @ApiProperty({ description: 'An auto-reply or bounce (never answered)' }) automatic: boolean;
  @ApiProperty({ example: '2026-03-02T10:00:00.000-05:00' }) receivedAt: string;
  @ApiProperty({ type: UnmatchedEmailErasedDto, nullable: true, description: 'Set once an admin erased it (POST /mail/unmatched/{id}/erasure)' })
  erased: UnmatchedEmailErasedDto | null;
}

export class UnmatchedEmailPageDto {
  @ApiProperty({ type: [UnmatchedEmailDto] }) items: UnmatchedEmailDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last' }) nextCursor: string | null;
}

/** Paged like every list; no minPosition: the queue is read from the event store itself. */
export class UnmatchedEmailQueryDto extends PickType(ListQueryDto, ['limit', 'cursor'] as const) {}

export class AttachUnmatchedEmailDto {
  @ApiProperty({ format: 'uuid', pattern: UUID_PATTERN, description: 'The case the email belongs to' })
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId: string;
}
