import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../http/field.decorators';
import { VerificationCode } from '../../http/customer-case-fields';

/** The customer writes to their case on the web: the information asked for, or a counter-reply. */
export class PublicAnswerDto {
  @VerificationCode() code: string;
  @RequiredText(5000, 'What the customer writes (the same limit as a summary staff record)', 'Adjunto el número de la factura: 12345') message: string;
}

export class PublicAnswerResponseDto {
  @ApiProperty({ example: '2026-000042' }) filingNumber: string;
  @ApiProperty({ description: 'When it was recorded (ISO-8601 with offset)' }) receivedAt: string;
  @ApiProperty({ example: 'in_progress', description: 'The case status after it' }) status: string;
}
