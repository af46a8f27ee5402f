import { ApiProperty } from '@nestjs/swagger';

export class TimelineEntryDto {
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() at: string;
  @ApiProperty({ example: 'CaseAssigned' }) type: string;
  @ApiProperty() actorId: string;
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

export class CustomerTimelineDto {
  @ApiProperty() filingNumber: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: [CustomerTimelineEntryDto] }) entries: CustomerTimelineEntryDto[];
}
