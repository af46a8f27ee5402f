import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiExactlyOneOf } from '../../http/schema-rules';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';

export const DISTRIBUTION_RULES = ['round-robin', 'least-loaded'] as const;
export type DistributionRule = (typeof DISTRIBUTION_RULES)[number];

/** Where a distribution takes its cases from: the unassigned queue, or the cases of deactivated users (GET /queues/to-redistribute). */
export const DISTRIBUTION_SOURCES = ['unassigned', 'to-redistribute'] as const;
export type DistributionSource = (typeof DISTRIBUTION_SOURCES)[number];

const ID = /^[\x21-\x7e]{1,100}$/;
const ID_PATTERN = '^[\\x21-\\x7e]{1,100}$';

/** Refuses the field when `other` is sent too: the two are alternatives. */
const NotWith = (other: string) =>
  ValidateBy({
    name: 'notWith',
    validator: {
      validate: (_value, args) => (args?.object as Record<string, unknown>)[other] === undefined,
      defaultMessage: (args) => `send either ${args?.property} or ${other}, not both`,
    },
  });

@ApiExactlyOneOf('backofficeIds', 'teamId')
export class DistributeCasesDto {
  @ApiProperty({ enum: DISTRIBUTION_RULES }) @IsIn(DISTRIBUTION_RULES)
  rule: DistributionRule;

  @ApiPropertyOptional({
    type: [String], minItems: 1, maxItems: 200, uniqueItems: true, items: { type: 'string', pattern: ID_PATTERN }, example: ['bo-beto', 'bo-carla'],
    description: 'The agents, each an active user with the backoffice role (else 422 USER.NOT_ASSIGNABLE naming them, and nothing assigned). Exactly one of backofficeIds and teamId',
  })
  @ValidateIf((body: DistributeCasesDto) => body.teamId === undefined || body.backofficeIds !== undefined)
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique()
  @IsString({ each: true }) @Matches(ID, { each: true, message: 'each backofficeId must be 1-100 visible ASCII characters' })
  backofficeIds?: string[];

  @ApiPropertyOptional({
    pattern: ID_PATTERN, example: 'zona-norte',
    description: "Distribute among the team's active members with the backoffice role, in user-id order (422 TEAM.NOT_FOUND, TEAM.NO_ASSIGNABLE_MEMBER). Exactly one of backofficeIds and teamId",
  })
  @IsOptional() @IsString() @Matches(ID, { message: 'teamId must be 1-100 visible ASCII characters' }) @NotWith('backofficeIds')
  teamId?: string;

  @ApiPropertyOptional({ enum: DISTRIBUTION_SOURCES, default: 'unassigned', description: 'unassigned: filed cases nobody has; to-redistribute: the open cases of deactivated users' })
  @IsOptional() @IsIn(DISTRIBUTION_SOURCES)
  from?: DistributionSource;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, description: 'How many cases (soonest due first)' })
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
