import { ApiProperty } from '@nestjs/swagger';
import { OptionalText, WholeNumber } from '../../http/field.decorators';
import { VerificationCode } from '../../http/customer-case-fields';

export class PublicSurveyDto {
  @VerificationCode() code: string;

  @WholeNumber(1, 5, 'How satisfied the customer is, 1 (not at all) to 5 (very)') score: number;
  @OptionalText(2000, 'What the customer wants to add') comment?: string;
}

export class PublicSurveyResponseDto {
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) score: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ description: 'When the answer was recorded (ISO-8601 with offset)' }) answeredAt: string;
}
