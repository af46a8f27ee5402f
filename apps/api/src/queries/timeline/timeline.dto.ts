import { ApiProperty } from '@nestjs/swagger';

export class TimelineEntryDto {
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() at: string;
  @ApiProperty({ example: 'CaseAssigned' }) type: string;
  @ApiProperty({ description: 'Who did it: a user id, `customer:<filing number>` or `system:…`' }) actorId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Beto Díaz', description: "The actor's display name in the user directory as it stands now; null when the actor is not in it (a customer, the system, a script's token)" })
  actorName: string | null;
  @ApiProperty({ example: 'phone' }) channel: string;
  @ApiProperty({ description: 'What happened, in Spanish, as the customer may read it' }) description: string;
  @ApiProperty() customerVisible: boolean;
}

export class StaffTimelineDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() filingNumber: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: [TimelineEntryDto] }) entries: TimelineEntryDto[];
}

export class CustomerTimelineEntryDto {
  @ApiProperty() at: string;
  @ApiProperty() channel: string;
  @ApiProperty() description: string;
}

export class CustomerResponseDto {
  @ApiProperty({ description: 'When it was sent (ISO-8601 with offset)' }) at: string;
  @ApiProperty({ description: 'The text the customer was sent (`[erased]` once their personal data was erased)' }) body: string;
  @ApiProperty({ enum: ['resolved', 'pending'] }) outcome: 'resolved' | 'pending';
}

export class CustomerInformationRequestDto {
  @ApiProperty() requestedAt: string;
  @ApiProperty({ description: 'What the company asked for' }) message: string;
  @ApiProperty({ type: String, nullable: true, description: 'The end of the term to answer (tacit withdrawal, art. 17, or the company rule when earlier); null when not recorded' })
  answerBy: string | null;
}

export class CustomerActionsDto {
  @ApiProperty({ description: 'POST /public/cases/{filingNumber}/information would be accepted now' }) answerInformation: boolean;
  @ApiProperty({ description: 'POST /public/cases/{filingNumber}/counter-replies would be accepted now' }) counterReply: boolean;
  @ApiProperty({ description: 'POST /public/cases/{filingNumber}/survey would be accepted now' }) answerSurvey: boolean;
}

export class CustomerTimelineDto {
  @ApiProperty() filingNumber: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'The status in Spanish, as the customer reads it', example: 'En trámite' }) statusLabel: string;
  @ApiProperty({ example: 'claim' }) kind: string;
  @ApiProperty({ description: 'The kind in Spanish', example: 'Reclamo' }) kindLabel: string;
  @ApiProperty() filedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The legal due date while it runs; null while an information request suspends it and once the case is over' })
  dueAt: string | null;
  @ApiProperty({ type: [CustomerTimelineEntryDto] }) entries: CustomerTimelineEntryDto[];
  @ApiProperty({ type: [CustomerResponseDto], description: 'The responses sent, oldest first (a resolution at first line too)' }) responses: CustomerResponseDto[];
  @ApiProperty({ type: CustomerInformationRequestDto, nullable: true, description: 'The open information request only' })
  informationRequest: CustomerInformationRequestDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'While the case stands responded: the end of the counter-reply window' })
  counterReplyDeadline: string | null;
  @ApiProperty({ type: CustomerActionsDto, description: 'What the customer may do now (the rules of the commands themselves)' }) actions: CustomerActionsDto;
}
