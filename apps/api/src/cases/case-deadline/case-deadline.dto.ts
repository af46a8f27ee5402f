import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEADLINE_LANGUAGES } from '@app/domain';
import type { DeadlineLanguage } from '@app/domain';

/** Any other query parameter is refused with 400 by the ValidationPipe. */
export class CaseDeadlineQueryDto {
  @ApiPropertyOptional({
    enum: DEADLINE_LANGUAGES,
    default: 'es',
    description: "The language of the step texts: Spanish (es-CO) by default — the explanation's readers are inspectors and petitioners — or English.",
  })
  @IsOptional()
  @IsIn(DEADLINE_LANGUAGES)
  lang?: DeadlineLanguage;
}
