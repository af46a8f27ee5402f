import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';

/**
 * Free text (facts, a response, a note) keeps tabs and line breaks; names and other one-line values
 * keep none. Neither may hold NUL, another control character (C0, DEL, C1) or a lone surrogate
 * (half of a UTF-16 pair, which no encoding can store), checked with the `u` flag (code points).
 * The OpenAPI patterns state the control characters only: a surrogate range cannot be written in
 * the regexes of most JSON Schema validators (Schemathesis's drops the whole pattern).
 */
const CONTROL_IN_TEXT = '\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F';
const CONTROL_IN_NAME = '\\x00-\\x1F\\x7F-\\x9F';
export const FREE_TEXT_PATTERN = `^[^${CONTROL_IN_TEXT}]*$`;
export const NAME_PATTERN = `^[^${CONTROL_IN_NAME}]*$`;
export const FREE_TEXT_REGEX = new RegExp(`^[^${CONTROL_IN_TEXT}\\uD800-\\uDFFF]*$`, 'u');
const NAME_REGEX = new RegExp(`^[^${CONTROL_IN_NAME}\\uD800-\\uDFFF]*$`, 'u');
const FREE_TEXT = Matches(FREE_TEXT_REGEX, { message: '$property must not contain control characters (other than tabs and line breaks) or lone surrogates' });
const NAME = Matches(NAME_REGEX, { message: '$property must be one line without control characters or lone surrogates' });

/** A required, non-blank free text of at most `maxLength` characters. */
export const RequiredText = (maxLength: number, description?: string, example?: string) =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength, description, example, pattern: FREE_TEXT_PATTERN }), IsString(), IsNotEmpty(), MaxLength(maxLength), FREE_TEXT);

export const OptionalText = (maxLength: number, description?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength, description, pattern: FREE_TEXT_PATTERN }), IsOptional(), IsString(), MaxLength(maxLength), FREE_TEXT);

/** A required, non-blank name or other one-line value of at most `maxLength` characters. */
export const RequiredName = (maxLength: number, description?: string, example?: string) =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength, description, example, pattern: NAME_PATTERN }), IsString(), IsNotEmpty(), MaxLength(maxLength), NAME);

export const OptionalName = (maxLength: number, description?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength, description, pattern: NAME_PATTERN }), IsOptional(), IsString(), MaxLength(maxLength), NAME);

/**
 * What IsUUID('all') accepts: versions 1-8 with the RFC variant, the nil and the max
 * UUID (a random 128-bit value, as `format: uuid` alone lets a generator send, is refused).
 */
export const UUID_PATTERN =
  '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|[fF]{8}-[fF]{4}-[fF]{4}-[fF]{4}-[fF]{12})$';
/** `[0-9]`, never `\d`: JSON Schema tools in other languages (Python's, Schemathesis's) read `\d` as any Unicode digit. */
export const FILING_NUMBER_PATTERN = '^[0-9]{4}-[0-9]{6}$';

const YEAR = '[1-9][0-9]{3}';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[12][0-9]|3[01])';
/** Years 1000-9999 (no year 0000); whether the month has the day is checked apart (no pattern knows February). */
export const DATE_PATTERN = `^${YEAR}-${MONTH}-${DAY}$`;
export const MONTH_PATTERN = `^${YEAR}-${MONTH}$`;
/** An ISO-8601 instant with its offset (Z or ±hh:mm), seconds and fractions optional. */
export const INSTANT_PATTERN = `^${YEAR}-${MONTH}-${DAY}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$`;

/** Whether `YYYY-MM-DD…` names a day its month has (2026-02-30 does not; 2028-02-29 does). */
export function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const onTheCalendar = (pattern: string, name: string, like: string) => {
  const regex = new RegExp(pattern);
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && regex.test(value) && isCalendarDay(value),
      defaultMessage: (args) => `${args?.property} must be ${like}, on a real calendar date`,
    },
  });
};

/** A required calendar date `YYYY-MM-DD` (add `IsOptional()` and `required: false` for an optional one). */
export const CalendarDate = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date', pattern: DATE_PATTERN, maxLength: 10, example: '2026-03-01', ...options } as ApiPropertyOptions),
    IsString(),
    MaxLength(10),
    onTheCalendar(DATE_PATTERN, 'calendarDate', 'a date like 2026-03-01'),
  );

/** A required instant with its offset (add `IsOptional()` and `required: false` for an optional one). */
export const CalendarInstant = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date-time', pattern: INSTANT_PATTERN, maxLength: 40, example: '2026-03-02T09:55:00-05:00', ...options } as ApiPropertyOptions),
    IsString(),
    MaxLength(40),
    onTheCalendar(INSTANT_PATTERN, 'calendarInstant', 'an ISO-8601 instant with its offset, like 2026-03-02T09:55:00-05:00'),
  );

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

/** Only the words `true` and `false` become booleans: anything else stays a string and fails IsBoolean. */
export const fromBooleanWord = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
