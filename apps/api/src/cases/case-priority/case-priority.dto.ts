import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';
import { ApiRequiredWhen } from '../../http/schema-rules';
import { Type } from 'class-transformer';
import { CASE_PRIORITIES, PRIORITY_REASON_KINDS, URGENCY_REASONS } from '@app/domain';
import type { CasePriority, PriorityReasonKind, UrgencyReason } from '@app/domain';
import { OneOf } from '../../http/field.decorators';

/** Why a case is urgent: `legal` (art. 20 Ley 1755: risk_to_life, risk_to_safety, fundamental_right) or `company` (platform_down, billing_stopped, announced_special_process). */
export class UrgencyReasonDto {
  @OneOf(PRIORITY_REASON_KINDS, 'legal: art. 20 of Ley 1755 de 2015; company: one of the company\'s three urgent situations') kind: PriorityReasonKind;
  @OneOf(URGENCY_REASONS, 'legal: risk_to_life, risk_to_safety, fundamental_right; company: platform_down, billing_stopped, announced_special_process (else 422 CASE.URGENCY_REASON_REQUIRED)') code: UrgencyReason;
}

@ApiRequiredWhen({ field: 'reason', when: { priority: 'urgent' } })
export class ChangePriorityDto {
  @OneOf(CASE_PRIORITIES, 'urgent (with its reason) or normal') priority: CasePriority;
  @ApiPropertyOptional({ type: UrgencyReasonDto, description: 'Required for urgent; ignored for normal' })
  @ValidateIf((body: ChangePriorityDto) => body.priority === 'urgent' || body.reason !== undefined)
  @IsObject() @ValidateNested() @Type(() => UrgencyReasonDto)
  reason?: UrgencyReasonDto;
}
