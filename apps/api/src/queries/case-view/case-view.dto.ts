import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const nullableString = { type: String, nullable: true } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;

/** The petitioner as filed: personal data (Ley 1581 de 2012); each read is recorded in the access audit. `[erased]` in every field once erased; `[withheld]` for a reporter. */
export class PetitionerViewDto {
  @ApiProperty() fullName: string;
  @ApiProperty() documentType: string;
  @ApiProperty() documentNumber: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional() company?: string;
}

export class ConsentViewDto {
  @ApiProperty() givenAt: string;
  @ApiProperty() channel: string;
  @ApiProperty() policyVersion: string;
}

/** The legal term (Ley 1755 de 2015) at the instant of the read. */
export class LegalClockDto {
  @ApiProperty({ enum: ['running', 'paused', 'stopped'], description: 'paused: an information request within the 10 business days of art. 17 suspends it; stopped: the case is over' })
  state: 'running' | 'paused' | 'stopped';
  @ApiProperty({ ...nullableString, description: 'Null while paused: known again the day after the information arrives' }) dueAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Business days left; while paused, those the term restarts with (at least one); null once stopped' })
  businessDaysLeft: number | null;
  @ApiProperty({ description: 'Running past its due date (an expired term is never revived)' }) overdue: boolean;
  @ApiProperty({ ...nullableString, description: 'While waiting on the customer: the end of the art. 17 date after which the petition is tacitly withdrawn (with the extra month, if granted)' })
  tacitWithdrawalAt: string | null;
}

/** The case as staff see it (GET /cases/:id); fields the projection adds later appear as well. */
export class CaseViewDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ example: 'in_progress' }) status: string;
  @ApiProperty() kind: string;
  @ApiProperty() typology: string;
  @ApiProperty() motive: string;
  @ApiProperty() channel: string;
  @ApiProperty() subject: string;
  @ApiProperty() facts: string;
  @ApiProperty() request: string;
  @ApiProperty({ type: 'array', items: anyObject }) attachments: unknown[];
  @ApiProperty(nullableString) relatedFilingNumber: string | null;
  @ApiProperty({ type: PetitionerViewDto, description: "Personal data: `[erased]` in every field once erased; a reporter reads `[withheld]` in every field (and in every free text of the case)" }) petitioner: PetitionerViewDto;
  @ApiProperty({ ...nullableString, pattern: '^[0-9a-f]{64}$', description: "The petitioner's pseudonymous id, shared by all their cases: POST /petitioners/{id}/erasure erases by it (null for cases filed before it existed)" })
  petitionerId: string | null;
  @ApiProperty({ type: ConsentViewDto, nullable: true, description: 'The consent recorded with the filing; null for filings before consent was recorded' })
  consent: ConsentViewDto | null;
  @ApiProperty() filedBy: string;
  @ApiProperty() filedAt: string;
  @ApiProperty(nullableString) assigneeId: string | null;
  @ApiProperty() dueAt: string;
  @ApiProperty(nullableString) returnedTo: string | null;
  @ApiProperty({ ...anyObject, nullable: true }) lastResponse: object | null;
  @ApiProperty(nullableString) counterReplyDeadline: string | null;
  @ApiProperty({
    ...anyObject,
    nullable: true,
    description:
      'Art. 21 transfer: { entity, entityEmail (where the petition was sent; null for older transfers), reason, toldAtOnce (a verbal petition, told at once), transferredAt }',
  })
  transfer: object | null;
  @ApiPropertyOptional({
    ...nullableString,
    description: 'GET /cases/:id only: while the case is open and within it, the last instant to transfer it to the competent entity (art. 21: 5 business days from filing); null otherwise',
  })
  transferDueAt?: string | null;
  @ApiProperty({ ...anyObject, nullable: true }) survey: object | null;
  @ApiPropertyOptional({ enum: ['urgent', 'normal'], description: 'Urgent cases go first in every queue and run on the urgent targets' }) priority?: string;
  @ApiPropertyOptional({ ...anyObject, nullable: true, description: 'Why the case is urgent: { kind: legal|company, code }; null when normal' }) urgencyReason?: object | null;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ description: 'GET /cases/:id only: true while an information request suspends the legal term (art. 17)' }) paused?: boolean;
  @ApiPropertyOptional({ type: LegalClockDto, description: 'GET /cases/:id only: the legal term at the instant of the read' }) legalClock?: LegalClockDto;
}
