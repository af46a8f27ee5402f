import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CASE_KINDS, CHANNELS, DOCUMENT_TYPES } from '@app/domain';
import type { CaseKind, Channel, DocumentType } from '@app/domain';
import { Nested, OneOf, OptionalText, RequiredText, WholeNumber } from '../../http/field.decorators';

/** A real calendar instant with its offset (the date's validity is checked again by Date.parse in the handler). */
const ISO_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export class PetitionerDto {
  @RequiredText(200, 'Full name', 'María Fernanda Rojas') fullName: string;
  @OneOf(DOCUMENT_TYPES, 'CC cédula, CE extranjería, TI tarjeta de identidad, NIT, PA pasaporte, PPT, RC registro civil') documentType: DocumentType;
  @RequiredText(20, undefined, '1020304050') @ApiProperty({ pattern: '^[A-Za-z0-9-]+$', minLength: 1, maxLength: 20, example: '1020304050' }) @Matches(/^[A-Za-z0-9-]+$/, { message: 'documentNumber must be letters, digits or dashes' })
  documentNumber: string;
  @ApiProperty({ format: 'email', maxLength: 254, example: 'maria.rojas@example.com' }) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254)
  email: string;
  @OptionalText(30) @ApiPropertyOptional({ pattern: '^[+\\d][\\d\\s()-]{5,29}$', maxLength: 30, example: '+57 300 123 4567' }) @Matches(/^[+\d][\d\s()-]{5,29}$/, { message: 'phone must be a phone number' }) phone?: string;
  @OptionalText(300) address?: string;
  @OptionalText(200) company?: string;
}

/** The petitioner's consent to the processing of their personal data (Ley 1581 de 2012, art. 9). */
export class ConsentDto {
  @ApiProperty({ description: 'When the petitioner gave it (ISO-8601 with offset)', example: '2026-03-02T09:55:00-05:00', maxLength: 40 })
  @IsString() @MaxLength(40) @Matches(ISO_INSTANT, { message: 'givenAt must be an ISO-8601 instant with offset, like 2026-03-02T09:55:00-05:00' })
  givenAt: string;
  @OneOf(CHANNELS, 'Through which channel it was given') channel: Channel;
  @RequiredText(40, 'The version of the data-processing policy the petitioner accepted', '2026-01') policyVersion: string;
}

export class AttachmentDto {
  @RequiredText(255) name: string;
  @RequiredText(100, undefined, 'application/pdf') contentType: string;
  @WholeNumber(0, 100 * 1024 * 1024, 'Size in bytes') size: number;
}

export class FirstLineResolutionDto {
  @RequiredText(5000, 'What the agent answered on the spot') resolution: string;
}

export class FileCaseDto {
  @OneOf(CASE_KINDS) kind: CaseKind;
  @RequiredText(100, 'Typology of the typification', 'billing') typology: string;
  @RequiredText(100, 'Motive of the typification', 'duplicate-charge') motive: string;
  @OneOf(CHANNELS) channel: Channel;
  @RequiredText(200) subject: string;
  @RequiredText(10000, 'The facts, with their dates') facts: string;
  @RequiredText(5000, 'What the customer asks for') request: string;
  @Nested(() => PetitionerDto) petitioner: PetitionerDto;

  @ApiPropertyOptional({ type: ConsentDto, description: "Required by the domain: without it the filing is refused with 422 CASE.CONSENT_REQUIRED" })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ConsentDto)
  consent?: ConsentDto;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ description: 'Filing number of an earlier case this one refers to: a case already filed, else 422 CASE.RELATED_NOT_FOUND', example: '2026-000041', pattern: '^\\d{4}-\\d{6}$' })
  @IsOptional() @Matches(/^\d{4}-\d{6}$/, { message: 'relatedFilingNumber must look like 2026-000042' })
  relatedFilingNumber?: string;

  @ApiPropertyOptional({ type: FirstLineResolutionDto, description: 'Only for a petition or an inquiry answered on the spot' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FirstLineResolutionDto)
  firstLineResolution?: FirstLineResolutionDto;
}

export class FiledCaseResponseDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ description: 'The legal deadline', example: '2026-03-24T23:59:59.999-05:00' }) dueAt: string;
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
}
