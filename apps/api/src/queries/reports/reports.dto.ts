import { ApiProperty } from '@nestjs/swagger';

const anyObject = { type: 'object', additionalProperties: true } as const;
const nullableNumber = { type: Number, nullable: true } as const;

/** The report of DOMAIN.md for a period (nested breakdowns are objects keyed by kind, typology, channel, agent). */
export class ReportDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: 'integer' }) filed: number;
  @ApiProperty({ type: 'integer' }) resolvedAtFirstLine: number;
  @ApiProperty({ type: 'integer', description: 'Cases the backoffice marked resolved in the period and a counter-reply did not reopen (net: may be negative for a period with reopenings of earlier resolutions only)' }) resolvedByBackoffice: number;
  @ApiProperty({ type: 'integer', description: 'Cases whose last response in the period marked them pending, counted the same way (a case is resolved or pending, never both)' }) respondedPending: number;
  @ApiProperty({ type: 'integer', description: 'Resolved cases a counter-reply reopened in the period (taken off resolvedByBackoffice and off the resolutions of the agent who resolved them)' }) reopened: number;
  @ApiProperty({ type: 'integer' }) pendingAtEnd: number;
  @ApiProperty({ type: 'integer' }) closed: number;
  @ApiProperty({ type: 'integer' }) transferred: number;
  @ApiProperty({ type: 'integer', description: 'Tacit withdrawals (art. 17)' }) withdrawn: number;
  @ApiProperty(anyObject) byKind: object;
  @ApiProperty(anyObject) byTypology: object;
  @ApiProperty(anyObject) byChannel: object;
  @ApiProperty({ ...anyObject, description: 'Per typology, { favourable, partial, unfavourable }: the decisions of the responses that resolved a case and stood at the end of the period (a counter-reply takes one off); responses recorded before decisions were (ResponseSent v1) are not counted' })
  decisionsByTypology: object;
  @ApiProperty(anyObject) deadlines: object;
  @ApiProperty(nullableNumber) averageHoursToFirstResponse: number | null;
  @ApiProperty(nullableNumber) averageHoursToResolution: number | null;
  @ApiProperty(anyObject) returnsToAgent: object;
  @ApiProperty({ type: 'array', items: anyObject }) backofficeProductivity: object[];
  @ApiProperty(anyObject) satisfaction: object;
}
