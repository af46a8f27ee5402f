import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** `?minPosition=`: wait until the read models include that event position (read your own writes). */
export class FreshnessQueryDto {
  @ApiPropertyOptional({ minimum: 0, description: 'Wait (up to 5 s) until the read models include this event position' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  minPosition?: number;
}

export class ListQueryDto extends FreshnessQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page', pattern: '^[A-Za-z0-9_-]+$', maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by a previous page' })
  cursor?: string;
}
