import { COMPANY_URGENCY_REASONS, LEGAL_URGENCY_REASONS } from '../sla/sla-policy';
import type { CompanyUrgencyReason, LegalUrgencyReason, UrgencyReason } from '../sla/sla-policy';

export const CASE_PRIORITIES = ['urgent', 'normal'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export const PRIORITY_REASON_KINDS = ['legal', 'company'] as const;
export type PriorityReasonKind = (typeof PRIORITY_REASON_KINDS)[number];

/**
 * Why a case is urgent: art. 20 of Ley 1755 (`legal`) or one of the company's three urgent situations.
 * Codes only, no free text: a text about the petitioner would have to be under their key (ADR 25, ADR 44).
 */
export type PriorityReason = { kind: 'legal'; code: LegalUrgencyReason } | { kind: 'company'; code: CompanyUrgencyReason };

/** The reason codes each kind of reason allows. */
export const PRIORITY_REASON_CODES: Record<PriorityReasonKind, readonly UrgencyReason[]> = {
  legal: LEGAL_URGENCY_REASONS,
  company: COMPANY_URGENCY_REASONS,
};

export function isPriorityReason(kind: string, code: string): boolean {
  return (PRIORITY_REASON_CODES[kind as PriorityReasonKind] ?? []).includes(code as UrgencyReason);
}
