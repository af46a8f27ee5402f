import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** A required, non-blank string of at most `maxLength` characters. */
export const RequiredText = (maxLength: number, description?: string, example?: string) =>
  applyDecorators(ApiProperty({ maxLength, description, example }), IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number, description?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength, description }), IsOptional(), IsString(), MaxLength(maxLength));

export const OneOf = (values: readonly string[], description?: string) =>
  applyDecorators(ApiProperty({ enum: values, description }), IsString(), IsIn(values));

export const WholeNumber = (min: number, max: number, description?: string) =>
  applyDecorators(ApiProperty({ type: 'integer', minimum: min, maximum: max, description }), IsInt(), Min(min), Max(max));

export const Nested = (type: () => new () => object, description?: string) =>
  applyDecorators(ApiProperty({ type, description }), ValidateNested(), Type(type));
