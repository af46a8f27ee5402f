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

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'unavailable'] }) status: 'ready' | 'unavailable';
  @ApiProperty({ enum: ['up', 'down'] }) eventStore: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) readStore: 'up' | 'down';
  @ApiProperty({ enum: ['ready', 'stuck', 'unknown'], description: 'stuck: a projection this process runs has stopped or is retrying; unknown: a store is down' })
  readSide: 'ready' | 'stuck' | 'unknown';
}
