import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsObject, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CASE_KINDS, CHANNELS, DOCUMENT_TYPES, FIRST_LINE_RESOLVABLE_KINDS } from '@app/domain';
import type { CaseKind, Channel, DocumentType } from '@app/domain';
import { ApiAllowedWhen } from '../../http/schema-rules';
import { UrgencyReasonDto } from '../case-priority/case-priority.dto';
import { trimmed } from '../../http/trimmed';
import { CalendarInstant, FILING_NUMBER_PATTERN, Nested, OneOf, OptionalName, RequiredName, RequiredText, WholeNumber } from '../../http/field.decorators';

/** The longest value each field of a filing may hold (the web form states them too). */
export const FILING_LIMITS = { fullName: 200, company: 200, documentNumber: 20, email: 254, phone: 30, address: 300, subject: 200, facts: 10000, request: 5000 } as const;

export class PetitionerDto {
  @RequiredName(FILING_LIMITS.fullName, 'Full name', 'María Fernanda Rojas') fullName: string;
  @OneOf(DOCUMENT_TYPES, 'CC cédula, CE extranjería, TI tarjeta de identidad, NIT, PA pasaporte, PPT, RC registro civil') documentType: DocumentType;
  @ApiProperty({ pattern: '^[A-Za-z0-9-]+$', minLength: 1, maxLength: FILING_LIMITS.documentNumber, example: '1020304050' }) @RequiredName(FILING_LIMITS.documentNumber, undefined, '1020304050') @Matches(/^[A-Za-z0-9-]+$/, { message: 'documentNumber must be letters, digits or dashes' })
  documentNumber: string;
  @ApiProperty({ format: 'email', maxLength: FILING_LIMITS.email, example: 'maria.rojas@example.com' }) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(FILING_LIMITS.email)
  email: string;
  @ApiPropertyOptional({ pattern: '^[+0-9][0-9 ()-]{5,29}$', maxLength: FILING_LIMITS.phone, example: '+57 300 123 4567' }) @OptionalName(FILING_LIMITS.phone) @Matches(/^[+\d][\d\s()-]{5,29}$/, { message: 'phone must be a phone number' }) phone?: string;
  @OptionalName(FILING_LIMITS.address) address?: string;
  @OptionalName(FILING_LIMITS.company) company?: string;
}

/** The petitioner's consent to the processing of their personal data (Ley 1581 de 2012, art. 9). */
export class ConsentDto {
  @CalendarInstant({ description: 'When the petitioner gave it (ISO-8601 with offset)' })
  givenAt: string;
  @OneOf(CHANNELS, 'Through which channel it was given') channel: Channel;
  @RequiredName(40, 'The version of the data-processing policy the petitioner accepted', '2026-01') policyVersion: string;
}

export class AttachmentDto {
  @RequiredName(255) name: string;
  @RequiredName(100, undefined, 'application/pdf') contentType: string;
  @WholeNumber(0, 100 * 1024 * 1024, 'Size in bytes') size: number;
}

export class FirstLineResolutionDto {
  @RequiredText(5000, 'What the agent answered on the spot') resolution: string;
}

/** One issue, one case (ADR 42): what the flag means wherever a typification is given. */
export const DISTINCT_MATTER_DESCRIPTION =
  'One issue, one case: true when the petitioner has an open case of this typology and this contact is a matter apart from it (recorded in CaseTypified); ' +
  'otherwise such a filing is 409 CASE.OPEN_CASE_EXISTS naming the open case';

@ApiAllowedWhen({ field: 'firstLineResolution', when: { kind: FIRST_LINE_RESOLVABLE_KINDS } })
export class FileCaseDto {
  @OneOf(CASE_KINDS) kind: CaseKind;
  @Transform(trimmed) @RequiredName(100, 'Typology id of the typification, one of GET /catalog (else 422 CATALOG.UNKNOWN_TYPOLOGY; a retired one 422 CATALOG.TYPOLOGY_RETIRED)', 'billing') typology: string;
  @Transform(trimmed) @RequiredName(100, "Motive id of the typification: one of the typology's motives when it lists any (else 422 CATALOG.UNKNOWN_MOTIVE)", 'duplicate-charge') motive: string;
  @OneOf(CHANNELS) channel: Channel;
  @RequiredName(FILING_LIMITS.subject) subject: string;
  @RequiredText(FILING_LIMITS.facts, 'The facts, with their dates') facts: string;
  @RequiredText(FILING_LIMITS.request, 'What the customer asks for') request: string;
  @Nested(() => PetitionerDto) petitioner: PetitionerDto;

  @Nested(() => ConsentDto, "The petitioner's consent to the processing of their personal data: a case is filed only with it (Ley 1581 de 2012)")
  consent: ConsentDto;

  @ApiPropertyOptional({ type: [AttachmentDto], maxItems: 50 })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ description: 'Filing number of an earlier case this one refers to: a case already filed, else 422 CASE.RELATED_NOT_FOUND', example: '2026-000041', pattern: FILING_NUMBER_PATTERN })
  @IsOptional() @Matches(/^\d{4}-\d{6}$/, { message: 'relatedFilingNumber must look like 2026-000042' })
  relatedFilingNumber?: string;

  @ApiPropertyOptional({ type: FirstLineResolutionDto, description: 'Only for a kind resolvable at first line (petition, inquiry, document_request) answered on the spot; another kind is 422 CASE.FIRST_LINE_NOT_ALLOWED' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FirstLineResolutionDto)
  firstLineResolution?: FirstLineResolutionDto;
  @ApiPropertyOptional({ type: UrgencyReasonDto, description: 'The case is urgent, for this reason (CasePriorityChanged): urgent cases go first in every queue and run on the urgent targets' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => UrgencyReasonDto)
  urgency?: UrgencyReasonDto;

  @ApiPropertyOptional({ description: DISTINCT_MATTER_DESCRIPTION, default: false })
  @IsOptional() @IsBoolean({ message: 'distinctMatter must be true or false' })
  distinctMatter?: boolean;
}

export class FiledCaseResponseDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ description: 'The legal deadline', example: '2026-03-24T23:59:59.999-05:00' }) dueAt: string;
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
}
