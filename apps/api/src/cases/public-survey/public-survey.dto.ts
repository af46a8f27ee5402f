import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { OptionalText, WholeNumber } from '../../http/field.decorators';

export class PublicSurveyDto {
  @ApiProperty({ description: 'The verification code sent to the customer with the filing number', example: 'K7P2QX', pattern: '^[A-Za-z0-9]{4,12}$' })
  @IsString() @Matches(/^[A-Za-z0-9]{4,12}$/, { message: 'code must be the verification code sent to the customer' })
  code: string;

  @WholeNumber(1, 5, 'How satisfied the customer is, 1 (not at all) to 5 (very)') score: number;
  @OptionalText(2000, 'What the customer wants to add') comment?: string;
}

export class PublicSurveyResponseDto {
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) score: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ description: 'When the answer was recorded (ISO-8601 with offset)' }) answeredAt: string;
}
