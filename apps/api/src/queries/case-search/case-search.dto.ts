import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CASE_KINDS, CASE_PRIORITIES, CASE_STATUSES, CHANNELS, DOCUMENT_TYPES } from '@app/domain';
import { CalendarInstant, FILING_NUMBER_PATTERN, fromBooleanWord, NAME_PATTERN } from '../../http/field.decorators';
import { ListQueryDto } from '../../read-side/list-query.dto';
import { CaseViewDto } from '../case-view/case-view.dto';

export const CASE_SEARCH_ORDERS = ['-filedAt', 'filedAt', 'dueAt', '-dueAt'] as const;
export type CaseSearchOrder = (typeof CASE_SEARCH_ORDERS)[number];
const FILED_STATUSES = CASE_STATUSES.filter((status) => status !== 'none');

/** `GET /cases`: every filter optional, all of them must hold (AND). */
export class CaseSearchQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: '2026-000042', pattern: FILING_NUMBER_PATTERN })
  @IsOptional() @Matches(/^\d{4}-\d{6}$/, { message: 'filingNumber must look like 2026-000042' })
  filingNumber?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, description: 'With petitionerDocument: the petitioner, matched through their keyed pseudonym (petitionerId), never a stored document number' })
  @IsOptional() @IsIn(DOCUMENT_TYPES)
  petitionerDocumentType?: string;

  @ApiPropertyOptional({ maxLength: 30, pattern: NAME_PATTERN, description: 'With petitionerDocumentType (spaces and dashes ignored, as at filing)', example: '1020304050' })
  @IsOptional() @IsString() @MaxLength(30) @Matches(/^[\p{L}\p{N} -]+$/u, { message: 'petitionerDocument must be letters, digits, spaces or dashes' })
  petitionerDocument?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254, description: "The petitioner's email (any case), matched through its keyed hash: cases filed before issue 28 carry none" })
  @IsOptional() @IsString() @MaxLength(254) @IsEmail({}, { message: 'petitionerEmail must be an email address' })
  petitionerEmail?: string;

  @ApiPropertyOptional({ enum: FILED_STATUSES }) @IsOptional() @IsIn(FILED_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: string;

  @ApiPropertyOptional({ maxLength: 100, pattern: NAME_PATTERN, description: 'The typology value as filed (e.g. billing), matched exactly', example: 'billing' })
  @IsOptional() @IsString() @MaxLength(100) @Matches(/^[^\p{Cc}]+$/u, { message: 'typology must be one line without control characters' })
  typology?: string;

  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: string;

  @ApiPropertyOptional({ maxLength: 100, pattern: NAME_PATTERN, description: 'The backoffice agent the case is assigned to', example: 'bo-beto' })
  @IsOptional() @IsString() @MaxLength(100) @Matches(/^[^\p{Cc}]+$/u, { message: 'assigneeId must be one line without control characters' })
  assigneeId?: string;

  @ApiPropertyOptional({ enum: CASE_PRIORITIES, description: 'urgent: the cases marked urgent (art. 20 or a company reason)' }) @IsOptional() @IsIn(CASE_PRIORITIES) priority?: string;

  @CalendarInstant({ required: false, description: 'Filed at or after this instant' }) @IsOptional() filedFrom?: string;
  @CalendarInstant({ required: false, description: 'Filed before this instant' }) @IsOptional() filedTo?: string;
  @CalendarInstant({ required: false, description: 'Legal due date at or after this instant' }) @IsOptional() dueFrom?: string;
  @CalendarInstant({ required: false, description: 'Legal due date before this instant' }) @IsOptional() dueTo?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: open cases past their legal due date now; false: every other case' })
  @IsOptional() @Transform(fromBooleanWord) @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ enum: CASE_SEARCH_ORDERS, default: '-filedAt', description: "'-' newest (or latest due) first; a petitioner's cases are listed open first, then in this order" })
  @IsOptional() @IsIn(CASE_SEARCH_ORDERS)
  sort?: CaseSearchOrder;
}

export class CaseSearchPageDto {
  @ApiProperty({ type: [CaseViewDto], description: 'The cases found, in the order asked' }) items: CaseViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The cursor of the next page; null on the last one' }) nextCursor: string | null;
}
