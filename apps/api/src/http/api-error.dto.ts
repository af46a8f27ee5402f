import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiErrorDto {
  @ApiProperty() statusCode: number;
  @ApiProperty({ example: 'CASE.WRONG_STATUS' }) code: string;
  @ApiProperty() message: string;
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
