import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const anyObject = { type: 'object', additionalProperties: true } as const;

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: string;
  @ApiProperty({ ...anyObject, description: '{ status: up | down, headPosition | error }' }) eventStore: object;
  @ApiProperty({ ...anyObject, description: '{ status: up | down, error? }' }) readStore: object;
  @ApiProperty({ enum: ['in-process', 'external'] }) projector: string;
  @ApiProperty({ type: 'array', items: anyObject, description: 'Each projection: name, version, position, state, error?' }) projections: object[];
  @ApiPropertyOptional({ ...anyObject, description: 'The email outbox: { acting, outbox: its read model (name, version, position, state, error?) }' }) mailOutbox?: object;
}
