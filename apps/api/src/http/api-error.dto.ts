import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiErrorDto {
  @ApiProperty() statusCode: number;
  @ApiProperty({ example: 'CASE.WRONG_STATUS' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'For validation: [{ field, reason }]' }) details?: unknown;
}
