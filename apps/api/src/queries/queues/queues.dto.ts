import { ApiProperty } from '@nestjs/swagger';

const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class QueueEntryDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() filingNumber: string;
  @ApiProperty({ example: 'backoffice' }) queue: string;
  @ApiProperty() clockRunning: boolean;
  @ApiProperty() status: string;
  @ApiProperty() kind: string;
  @ApiProperty() typology: string;
  @ApiProperty() channel: string;
  @ApiProperty() filedAt: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ type: String, nullable: true }) assigneeId: string | null;
  @ApiProperty({ type: String, nullable: true }) returnedTo: string | null;
  @ApiProperty({ enum: ['urgent', 'normal'], description: 'Urgent cases come first in every queue' }) priority: string;
  @ApiProperty({ type: 'integer', enum: [0, 1], description: '0 urgent, 1 normal: the first sort key of every queue' }) priorityRank: number;
  @ApiProperty({ type: 'integer', description: 'The revision this entry reflects (for If-Match)' }) revision: number;
  @ApiProperty({ description: 'Past its due instant now' }) overdue: boolean;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueEntryDto] }) items: QueueEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last' }) nextCursor: string | null;
}

export class QueueSummaryDto {
  @ApiProperty({ ...counts, description: 'Cases per queue' }) queues: Record<string, number>;
  @ApiProperty({ ...counts, description: "Open cases in each backoffice agent's queue" }) byBackoffice: Record<string, number>;
  @ApiProperty({ ...counts, description: 'Cases returned to each agent' }) byReturnedAgent: Record<string, number>;
}
