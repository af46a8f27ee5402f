import { ApiProperty } from '@nestjs/swagger';

const anyObject = { type: 'object', additionalProperties: true } as const;

/** The deadlines explained (libs/domain/src/sla/deadline-explanation.ts); the nested parts are objects. */
export class DeadlineExplanationDto {
  @ApiProperty() asOf: string;
  @ApiProperty({ ...anyObject, description: '{ state: running | paused | stopped, … }' }) status: object;
  @ApiProperty(anyObject) policy: object;
  @ApiProperty({ ...anyObject, nullable: true }) firstResponse: object | null;
  @ApiProperty(anyObject) resolution: object;
  @ApiProperty({
    ...anyObject,
    description:
      '{ kind, termBusinessDays, extendedBusinessDays, dueAt, overdue, recordedDueAt, receiptReading: filing_day | next_business_day, paused, …, ' +
      'days: { counted: [YYYY-MM-DD], skipped: [{ date, reason: weekend | holiday, holiday? }] } }',
  })
  legal: object;
  @ApiProperty({
    type: 'array',
    items: anyObject,
    description: 'Information requests (art. 17): { requestedAt, receivedAt, pausedLegalClock (only within 10 business days of filing, before expiry), businessDaysLeft, requestedLate, tacitWithdrawalAfter, customerSilenceDueAt, periodExtended, … }',
  })
  pauses: object[];
  @ApiProperty({ type: 'array', items: anyObject }) extensions: object[];
  @ApiProperty({ ...anyObject, nullable: true }) transfer: object | null;
  @ApiProperty(anyObject) overdue: object;
  @ApiProperty({ type: 'array', items: anyObject, description: '[{ at, event, effect }]: effect in the language asked for (Spanish by default)' }) steps: object[];
}
