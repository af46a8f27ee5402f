import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiErrorDto {
  @ApiProperty({ type: 'integer', description: 'The HTTP status again' }) statusCode: number;
  @ApiProperty({ description: 'Stable code clients switch on (each operation lists its own, one example each)' }) code: string;
  @ApiProperty({ description: 'For people; may change' }) message: string;
  @ApiPropertyOptional({
    description: 'Validation: one { field, reason } per bad field; a business rule: an object with its figures',
    oneOf: [
      {
        type: 'array',
        items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } }, required: ['field', 'reason'] },
      },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: unknown;
}
