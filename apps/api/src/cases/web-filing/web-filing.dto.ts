import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Equals, IsOptional, IsString, MaxLength } from 'class-validator';
import { CUSTOMER_CASE_KINDS } from '@app/domain';
import type { CustomerCaseKind } from '@app/domain';
import { FileCaseDto, PetitionerDto } from '../file-case/file-case.dto';
import { Nested, OneOf, RequiredName } from '../../http/field.decorators';

/** The form takes no query parameter: an unknown one is a 400, as on every route. */
export class FilingFormQueryDto {}

/** The customer's consent as the form asks it: the box ticked, under the policy version the form showed. */
export class WebConsentDto {
  @ApiProperty({ enum: [true], description: 'The customer ticked "Acepto la política de tratamiento de datos personales"' })
  @Equals(true, { message: 'consent.accepted must be true: a case is filed only with the consent to the processing of personal data' })
  accepted: true;

  @RequiredName(40, 'The policy version GET /public/filing-form showed (privacyPolicy.version); another is 400', '2026-01')
  policyVersion: string;
}

/** The petitioner's own fields and the filing's texts, as the staff route validates them. */
class WebFilingFields extends IntersectionType(
  PickType(PetitionerDto, ['fullName', 'company', 'documentType', 'documentNumber', 'email', 'phone'] as const),
  PickType(FileCaseDto, ['subject', 'facts', 'request', 'relatedFilingNumber'] as const),
) {}

/** A filing by the customer on the web form: no typology or motive (an agent typifies it), no attachments yet. */
export class WebFilingDto extends WebFilingFields {
  @OneOf(CUSTOMER_CASE_KINDS, 'The kind the customer chose (the six of GET /public/filing-form)') kind: CustomerCaseKind;

  @Nested(() => WebConsentDto, 'Consent to the processing of personal data under the current policy (Ley 1581 de 2012)')
  consent: WebConsentDto;

  @ApiPropertyOptional({ maxLength: 0, description: 'Leave absent or empty: a field people do not see, which a bot fills in (400 otherwise)' })
  @IsOptional() @IsString() @MaxLength(0, { message: 'website must be empty' })
  website?: string;
}

export class WebFilingResponseDto {
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ example: 'K7P2QX', pattern: '^[A-Za-z0-9]{4,12}$', description: 'With the filing number, what the customer tracks the case with (also sent by email)' })
  verificationCode: string;
  @ApiProperty({ description: 'When it was filed (ISO-8601 with offset)' }) filedAt: string;
  @ApiProperty({ description: 'The legal deadline, counted from the filing by the kind chosen', example: '2026-03-24T23:59:59.999-05:00' }) dueAt: string;
}

export class FormOptionDto {
  @ApiProperty() value: string;
  @ApiProperty({ description: 'In Spanish' }) label: string;
}

export class PrivacyPolicyDto {
  @ApiProperty({ description: 'Send it back as consent.policyVersion', example: '2026-01' }) version: string;
  @ApiProperty({ description: 'The policy text (Spanish)' }) text: string;
}

export class FilingLimitsDto {
  @ApiProperty({ type: 'integer' }) fullName: number;
  @ApiProperty({ type: 'integer' }) company: number;
  @ApiProperty({ type: 'integer' }) documentNumber: number;
  @ApiProperty({ type: 'integer' }) email: number;
  @ApiProperty({ type: 'integer' }) phone: number;
  @ApiProperty({ type: 'integer' }) subject: number;
  @ApiProperty({ type: 'integer' }) facts: number;
  @ApiProperty({ type: 'integer' }) request: number;
}

export class FilingFormDto {
  @ApiProperty({ type: [FormOptionDto], description: 'The six kinds a customer files (petition, complaint, claim, suggestion, report, inquiry)' }) kinds: FormOptionDto[];
  @ApiProperty({ type: [FormOptionDto] }) documentTypes: FormOptionDto[];
  @ApiProperty({ type: PrivacyPolicyDto }) privacyPolicy: PrivacyPolicyDto;
  @ApiProperty({ type: FilingLimitsDto, description: 'The longest value (characters) of each field' }) limits: FilingLimitsDto;
  @ApiProperty({ description: 'How to send documents (Spanish) until the pages take attachments' }) documentsByEmail: string;
}
