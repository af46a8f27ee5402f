import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { CalendarInstant } from '../http/field.decorators';

export class HolidaysQueryDto {
  @ApiProperty({ minimum: 1984, maximum: 9999, example: 2026 })
  @Type(() => Number) @IsInt() @Min(1984) @Max(9999)
  year: number;
}

export class HolidayDto {
  @ApiProperty({ example: '2026-03-23' }) date: string;
  @ApiProperty({ example: 'San José' }) name: string;
}

export class HolidaysDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [HolidayDto] }) holidays: HolidayDto[];
}

export class DeadlineQueryDto {
  @CalendarInstant({ description: 'ISO-8601 instant with offset', example: '2026-03-02T10:00:00-05:00' })
  from: string;

  @ApiProperty({ minimum: 1, maximum: 365, example: 15 })
  @Type(() => Number) @IsInt() @Min(1) @Max(365)
  businessDays: number;
}

export class DeadlineDto {
  @ApiProperty() from: string;
  @ApiProperty() businessDays: number;
  @ApiProperty({ description: 'End of the last business day, counted from the day after `from`', example: '2026-03-24T23:59:59.999-05:00' })
  dueAt: string;
}
