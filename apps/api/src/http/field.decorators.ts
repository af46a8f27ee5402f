import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** A required, non-blank string of at most `maxLength` characters. */
export const RequiredText = (maxLength: number, description?: string, example?: string) =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength, description, example }), IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number, description?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength, description }), IsOptional(), IsString(), MaxLength(maxLength));

export const OneOf = (values: readonly string[], description?: string) =>
  applyDecorators(ApiProperty({ enum: values, description }), IsString(), IsIn(values));

export const WholeNumber = (min: number, max: number, description?: string) =>
  applyDecorators(ApiProperty({ type: 'integer', minimum: min, maximum: max, description }), IsInt(), Min(min), Max(max));

/**
 * A required nested object. `IsObject`: ValidateNested alone lets a missing value and an array through.
 * `type: () => type()`: Swagger resolves a lazy type only from a function named `type` (an anonymous one gave `$ref: #/components/schemas/`).
 */
export const Nested = (type: () => new () => object, description?: string) =>
  applyDecorators(ApiProperty({ type: () => type(), description }), IsObject(), ValidateNested(), Type(type));
