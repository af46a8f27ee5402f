import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { DISTINCT_MATTER_DESCRIPTION } from '../file-case/file-case.dto';
import { CASE_KINDS, CHANNELS, RESPONSE_DECISIONS, RESPONSE_OUTCOMES } from '@app/domain';
import type { CaseKind, Channel, ResponseDecision, ResponseOutcome } from '@app/domain';
import { FREE_TEXT_PATTERN, FREE_TEXT_REGEX, OneOf, OptionalText, RequiredName, RequiredText, WholeNumber } from '../../http/field.decorators';
import { CommandResponseDto } from '../../command-handling/command-response.dto';
import { ApiRequiredWhen } from '../../http/schema-rules';
import { Transform } from 'class-transformer';
import { trimmed } from '../../http/trimmed';

export class AssignCaseDto {
  @RequiredName(100, 'The backoffice agent (their token subject)', 'bo-beto') backofficeId: string;
}

@ApiRequiredWhen({ field: 'reason', when: { consistent: false } })
export class TypificationReviewDto {
  @ApiProperty({ description: 'true: the typification matches the facts; false: return the case to its agent' }) @IsBoolean()
  consistent: boolean;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Required when consistent is false', pattern: FREE_TEXT_PATTERN })
  @ValidateIf((review: TypificationReviewDto) => review.consistent === false || review.reason !== undefined)
  @Matches(FREE_TEXT_REGEX, { message: 'reason must not contain control characters (other than tabs and line breaks) or lone surrogates' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason?: string;
}

export class RetypifyCaseDto {
  @OneOf(CASE_KINDS) kind: CaseKind;
  @Transform(trimmed) @RequiredName(100, 'Typology id, one of GET /catalog', 'billing') typology: string;
  @Transform(trimmed) @RequiredName(100, "Motive id: one of the typology's motives when it lists any", 'duplicate-charge') motive: string;

  @ApiPropertyOptional({ description: DISTINCT_MATTER_DESCRIPTION, default: false })
  @IsOptional() @IsBoolean({ message: 'distinctMatter must be true or false' })
  distinctMatter?: boolean;
}

export class InformationRequestDto {
  @RequiredText(5000, 'What is missing, as the customer will read it') message: string;
}

export class InformationPeriodExtensionDto {
  @OneOf(CHANNELS, 'How the petitioner asked for one more month (phone, email, in person, ...)') channel: Channel;
}

export class InformationReceivedDto {
  @RequiredText(5000, 'What arrived') summary: string;
  @OneOf(CHANNELS) channel: Channel;
}

@ApiRequiredWhen({ field: 'decisionReason', when: { decision: 'partial' } })
@ApiRequiredWhen({ field: 'decisionReason', when: { decision: 'unfavourable' } })
export class ResponseDto {
  @RequiredText(20000, 'The response sent to the customer') body: string;
  @OneOf(RESPONSE_OUTCOMES, 'resolved (efectiva) or pending') outcome: ResponseOutcome;
  @OneOf(RESPONSE_DECISIONS, "The decision on the petition: in the petitioner's favour, partly, or against (the reports count them)") decision: ResponseDecision;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Why it was decided so; required unless the decision is favourable', pattern: FREE_TEXT_PATTERN })
  @ValidateIf((response: ResponseDto) => response.decision !== 'favourable' || response.decisionReason !== undefined)
  @Matches(FREE_TEXT_REGEX, { message: 'decisionReason must not contain control characters (other than tabs and line breaks) or lone surrogates' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  decisionReason?: string;
}

export class InternalNoteDto {
  @RequiredText(5000, 'The note, for staff only: never shown to the customer, never emailed') text: string;
}

export class CounterReplyDto {
  @RequiredText(5000, 'What the customer replied') summary: string;
  @OneOf(CHANNELS) channel: Channel;
}

export class ExtensionDto {
  @WholeNumber(1, 30, 'Business days added; in all at most the original term') businessDays: number;
  @RequiredText(2000, 'The reasons, as notified to the customer') reason: string;
}

export class TransferDto {
  @RequiredName(200, 'The competent entity', 'Superintendencia de Industria y Comercio') entity: string;
  @ApiProperty({
    format: 'email',
    maxLength: 254,
    example: 'radicacion@sic.gov.co',
    description: "The competent entity's address for filings: the email outbox sends it the petition (subject, facts, request and the petitioner's data needed to answer), with a copy to the petitioner (Ley 1755 de 2015, art. 21)",
  })
  @IsEmail({}, { message: 'entityEmail must be an email address' })
  @MaxLength(254)
  entityEmail: string;
  @RequiredText(2000, 'Why the entity is competent, as the petitioner and the entity will read it') reason: string;
}

/** The transfer's answer: the command's, and what to tell a petitioner who is on the line or at the counter. */
export class TransferResponseDto extends CommandResponseDto {
  @ApiProperty({ description: 'True when the petition was verbal (filed by phone or in person): art. 21 requires telling the petitioner at once' })
  toldAtOnce: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When toldAtOnce: the text (es-CO) the staff member in contact with the petitioner reads to them now; the email copy follows anyway. Null otherwise',
  })
  noticeToRead: string | null;
}

export class SurveyDto {
  @WholeNumber(1, 5) score: number;
  @OptionalText(2000) comment?: string;
}

export class QualityReviewDto {
  @WholeNumber(0, 100, 'Quality score, 0-100') score: number;
  @RequiredText(5000) findings: string;
}

export class ClosureDto {
  @RequiredText(2000) reason: string;
}
