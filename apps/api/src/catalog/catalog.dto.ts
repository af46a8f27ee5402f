import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, Matches, ValidateNested } from 'class-validator';
import { SLA_PRIORITIES, SLA_UNITS } from '@app/domain';
import type { SlaPriority, SlaUnit } from '@app/domain';
import { Nested, OneOf, RequiredName, WholeNumber } from '../http/field.decorators';
import { trimmed } from '../http/trimmed';

/** What cases carry: lowercase words joined by dashes (`billing`, `general-information`), never display text. */
export const CATALOG_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const CATALOG_ID_REGEX = new RegExp(CATALOG_ID_PATTERN);
const CATALOG_ID_MAX = 60;


/** An id as people type it: trimmed first (the "Facturación " story), then held to the pattern. */
const CatalogId = (description: string, example: string) =>
  (target: object, property: string) => {
    ApiProperty({ pattern: CATALOG_ID_PATTERN, maxLength: CATALOG_ID_MAX, description, example })(target, property);
    Transform(trimmed)(target, property);
    RequiredName(CATALOG_ID_MAX)(target, property);
    Matches(CATALOG_ID_REGEX, { message: `${property} must be lowercase letters and digits joined by dashes, like general-information` })(target, property);
  };

const DisplayName = (description: string, example: string) =>
  (target: object, property: string) => {
    Transform(trimmed)(target, property);
    RequiredName(200, description, example)(target, property);
  };

export class CatalogMotiveDto {
  @CatalogId('The motive id cases carry', 'duplicate-charge') motiveId: string;
  @DisplayName('The name people read', 'Cobro duplicado') name: string;
}

export class SlaTargetDto {
  @WholeNumber(1, 10000, 'How many units') amount: number;
  @OneOf(SLA_UNITS, 'Business hours (the calendar\'s working hours) or business days') unit: SlaUnit;
}

export class TypologyTargetsDto {
  @OneOf(SLA_PRIORITIES.filter((priority) => priority !== 'urgent'), "The typology's priority (urgent is a case's, never a typology's)") priority: SlaPriority;
  @Nested(() => SlaTargetDto, 'First response target (on the channels of SLA_POLICIES.firstResponseChannels)') firstResponse: SlaTargetDto;
  @Nested(() => SlaTargetDto, 'Resolution target, always capped by the legal term') resolution: SlaTargetDto;
}

/** A typology's whole definition: its motives (none: any motive until an admin lists them) and its service targets. */
export class TypologyBodyDto {
  @DisplayName('The name people read', 'Facturación') name: string;
  @ApiProperty({ type: [CatalogMotiveDto], maxItems: 200, description: 'The motives cases of this typology may carry; empty: any motive is accepted' })
  @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => CatalogMotiveDto)
  motives: CatalogMotiveDto[];
  @Nested(() => TypologyTargetsDto, 'The service targets of its cases') targets: TypologyTargetsDto;
}

export class DefineTypologyDto extends TypologyBodyDto {
  @CatalogId('The typology id cases carry', 'billing') typologyId: string;
}

export class CatalogKindDto {
  @ApiProperty({ example: 'claim' }) kind: string;
  @ApiProperty({ example: 'Reclamo' }) name: string;
  @ApiProperty({ type: 'integer', description: 'Legal term in business days (Ley 1755 de 2015)', example: 15 }) legalTermDays: number;
}

export class CatalogTypologyDto extends DefineTypologyDto {
  @ApiProperty({ description: 'Retired: no new case takes it; the cases that have it keep it and its targets' }) retired: boolean;
}

export class CatalogDto {
  @ApiProperty({ type: [CatalogKindDto], description: "The kinds of case: the law's, not the admin's" }) kinds: CatalogKindDto[];
  @ApiProperty({ type: [CatalogTypologyDto] }) typologies: CatalogTypologyDto[];
  @ApiProperty({ type: 'integer', description: "The catalog stream's revision (-1: empty)" }) revision: number;
}

export class CatalogCommandResponseDto {
  @ApiProperty({ description: 'The typology id' }) id: string;
  @ApiProperty({ description: "The catalog's revision after the command (also the ETag)" }) revision: number;
  @ApiProperty({ description: 'Global position of the last event' }) position: number;
  @ApiProperty({ description: 'The events the command appended (none when it changed nothing)', example: ['TypologyDefined'] }) events: string[];
  @ApiProperty({ description: 'True when this Idempotency-Key was seen before and nothing new was appended' }) replayed: boolean;
}
