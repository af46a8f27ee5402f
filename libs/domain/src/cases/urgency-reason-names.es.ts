import type { UrgencyReason } from '../sla/sla-policy';

/** Why a case is urgent, as staff and the deadline explanation read it (es-CO). */
export const URGENCY_REASON_NAMES: Record<UrgencyReason, string> = {
  platform_down: 'toda la plataforma caída',
  billing_stopped: 'la facturación a los clientes detenida',
  announced_special_process: 'un proceso especial anunciado',
  risk_to_life: 'riesgo para la vida (art. 20, Ley 1755 de 2015)',
  risk_to_safety: 'riesgo para la seguridad (art. 20, Ley 1755 de 2015)',
  fundamental_right: 'un derecho fundamental en riesgo (art. 20, Ley 1755 de 2015)',
};
