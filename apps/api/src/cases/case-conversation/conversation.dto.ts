import { ApiProperty } from '@nestjs/swagger';
import { RESPONSE_DECISIONS, RESPONSE_OUTCOMES } from '@app/domain';
import type { ResponseDecision, ResponseOutcome } from '@app/domain';
import { CONVERSATION_ENTRY_KINDS } from './conversation-entries';
import type { ConversationEntryKind } from './conversation-entries';

export class ConversationAttachmentDto {
  @ApiProperty() name: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ type: 'integer' }) size: number;
}

export class ConversationResponseDto {
  @ApiProperty({ enum: RESPONSE_OUTCOMES }) outcome: ResponseOutcome;
  @ApiProperty({ enum: RESPONSE_DECISIONS, nullable: true, description: 'null: not recorded (a response sent before decisions were recorded, or a first-line resolution)' })
  decision: ResponseDecision | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was decided so; null for a favourable decision given without one, or when not recorded' })
  decisionReason: string | null;
}

export class ConversationEntryDto {
  @ApiProperty({ enum: CONVERSATION_ENTRY_KINDS }) kind: ConversationEntryKind;
  @ApiProperty({ example: 'ResponseSent', description: 'The event the entry was written in (a filing gives two entries: its facts, then its request)' }) eventType: string;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty() at: string;
  @ApiProperty({ description: 'Who wrote or recorded it: a user id, `customer:<filing number>` or `system:…`' }) actorId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Beto Díaz', description: "The actor's display name in the user directory as it stands now; null when not in it" })
  actorName: string | null;
  @ApiProperty({ example: 'email' }) channel: string;
  @ApiProperty({ description: 'true: the customer wrote it or was sent it; internal notes and quality findings never are' }) customerVisible: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The filing's or the customer email's subject" }) subject: string | null;
  @ApiProperty({ description: 'The text as written; `[erased]` once the petitioner\'s personal data was erased' }) text: string;
  @ApiProperty({ type: [ConversationAttachmentDto] }) attachments: ConversationAttachmentDto[];
  @ApiProperty({ type: ConversationResponseDto, nullable: true, description: 'For a response: its outcome and decision' }) response: ConversationResponseDto | null;
  @ApiProperty({ type: Number, nullable: true, description: "A quality finding's score (0-100)" }) score: number | null;
}

export class ConversationDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'Revision of the last event of the case read' }) revision: number;
  @ApiProperty({ type: [ConversationEntryDto] }) entries: ConversationEntryDto[];
}
