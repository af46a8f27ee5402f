import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const DISTRIBUTION_RULES = ['round-robin', 'least-loaded'] as const;
export type DistributionRule = (typeof DISTRIBUTION_RULES)[number];

export class DistributeCasesDto {
  @ApiProperty({ enum: DISTRIBUTION_RULES }) @IsIn(DISTRIBUTION_RULES)
  rule: DistributionRule;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 200, uniqueItems: true, items: { type: 'string', pattern: '^[\\x21-\\x7e]{1,100}$' }, example: ['bo-beto', 'bo-carla'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique()
  @IsString({ each: true }) @Matches(/^[\x21-\x7e]{1,100}$/, { each: true, message: 'each backofficeId must be 1-100 visible ASCII characters' })
  backofficeIds: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: 'How many unassigned cases (soonest due first)' })
  @IsOptional() @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class DistributedCaseDto {
  @ApiProperty() caseId: string;
  @ApiProperty() filingNumber: string;
  @ApiProperty() backofficeId: string;
  @ApiProperty() revision: number;
  @ApiProperty() position: number;
}

export class SkippedCaseDto {
  @ApiProperty() caseId: string;
  @ApiProperty({ example: 'CONCURRENCY.CONFLICT' }) code: string;
}

export class DistributionResultDto {
  @ApiProperty({ enum: DISTRIBUTION_RULES }) rule: DistributionRule;
  @ApiProperty({ type: [DistributedCaseDto] }) assigned: DistributedCaseDto[];
  @ApiProperty({ type: [SkippedCaseDto], description: 'Cases that changed since the queue was read (someone else acted first)' }) skipped: SkippedCaseDto[];
  @ApiProperty({ description: 'Highest event position written: pass as ?minPosition=' }) position: number;
}
