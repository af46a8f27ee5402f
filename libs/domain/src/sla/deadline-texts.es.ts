import { CASE_KIND_NAMES, CHANNEL_NAMES } from '../cases/case-kind-names.es';
import type { ReceiptReading } from '../calendar/calendar-config';
import type { CaseKind } from '../cases/case-kind';
import type { StopReason } from './deadline-explanation';
import type { DueInstants } from './due-instants';
import { isAfter } from './pausable-clock';
import type { SlaPriority, SlaTarget } from './sla-policy';
import { URGENCY_REASON_NAMES } from '../cases/urgency-reason-names.es';
import type { DeadlineTexts, OverdueSubject, PolicyText } from './deadline-texts';

/** The deadline explanation in Spanish (es-CO), the default: its readers are inspectors and petitioners. */
export const SPANISH_DEADLINE_TEXTS: DeadlineTexts = {
  filed: ({ kind, channel, nonBusinessDate, termDays, legalDue, receipt }) => {
    const onNonBusinessDay = nonBusinessDate ? `, en un día no hábil (${spanishDate(nonBusinessDate)})` : '';
    return (
      `Radicada como ${kindName(kind)} por el canal ${CHANNEL_NAMES[channel]}${onNonBusinessDay}: el término legal es de ${termDays} días hábiles ` +
      `contados a partir del día siguiente ${receiptText(receipt)} (Ley 1755 de 2015, art. 14); vence el ${spanishInstant(legalDue)}.`
    );
  },
  secondFiling: () => 'Una segunda radicación en la misma historia: se ignora.',
  recordedNote: (recorded) => ` El evento registra como vencimiento legal el ${spanishInstant(recorded)}.`,
  assigned: (backofficeId) => `Asignada a ${backofficeId}: no afecta los plazos.`,
  typificationConfirmed: () => 'Tipificación confirmada: no afecta los plazos.',
  returned: (agentId) => `Devuelta a ${agentId} para corregir la tipificación: los plazos siguen corriendo.`,
  priorityChanged: ({ policy, dues }) => `Cambio de prioridad. ${policyLabel(policy)}: respuesta de fondo a más tardar el ${resolutionDue(dues)}.`,
  typified: (t) => {
    const typification = `${kindName(t.kind)} / ${t.typology} / ${t.motive}`;
    const parts = [t.isFirst ? `Tipificada como ${typification}.` : `Tipificada de nuevo como ${typification} (el evento no trae hora: se muestra en la del evento anterior).`];
    if (t.termChange) {
      const { termDays, previousTerm, legalDue } = t.termChange;
      parts.push(`El término legal pasa a ${termDays} días hábiles (era de ${previousTerm}), contados desde la radicación: vence el ${spanishInstant(legalDue)}.`);
    }
    parts.push(`${policyLabel(t.policy)}: respuesta de fondo en ${formatTarget(t.resolutionTarget)}, a más tardar el ${resolutionDue(t.dues)}.`);
    parts.push(
      t.firstResponseTarget
        ? `Primera respuesta en ${formatTarget(t.firstResponseTarget)}, a más tardar el ${firstResponseDue(t.dues)}.`
        : `El canal ${CHANNEL_NAMES[t.channel]} no tiene meta de primera respuesta.`,
    );
    return parts.join(' ');
  },
  resolvedAtFirstLine: () => 'Resuelta en primera línea: la primera respuesta y la respuesta de fondo quedan cumplidas; los plazos se detienen.',
  informationRequested: (r) => {
    const legal = {
      expired: `Se solicitó información después del vencimiento legal (${spanishInstant(r.legalDueBefore)}): un término vencido no se suspende; el caso sigue vencido.`,
      suspended: `Se solicitó información al peticionario (art. 17): el término legal se suspende con ${days(r.businessDaysLeft)} restantes.`,
      not_suspended:
        `Se solicitó información después de los ${r.requestTermDays} días hábiles que permite el art. 17 (hasta el ${spanishInstant(r.requestDue)}): ` +
        `el término legal no se suspende y sigue venciendo el ${spanishInstant(r.legalDueBefore)}.`,
    }[r.legal];
    const parts = [legal];
    parts.push(r.companyExpired ? 'La meta de respuesta de la empresa ya había vencido: no se suspende.' : 'Las metas de la empresa se detienen.');
    parts.push(
      `Si no responde a más tardar el ${spanishDate(r.tacitWithdrawalAfter)}, se entenderá que desistió de la petición ` +
        '(desistimiento tácito, art. 17; el peticionario puede pedir un mes más).',
    );
    if (r.customerSilenceDueAt) {
      parts.push(`La empresa marca este caso como fuera de la Ley 1755: su regla de silencio lo cierra sin respuesta después del ${spanishInstant(r.customerSilenceDueAt)}.`);
    }
    if (r.requestedLate && r.legal === 'suspended') parts.push(`La solicitud llegó después de los ${r.requestTermDays} días hábiles que permite el art. 17 (hasta el ${spanishInstant(r.requestDue)}).`);
    return parts.join(' ');
  },
  informationPeriodExtended: ({ channel, previous, next, silenceRuleDropped }) =>
    `El peticionario pidió por el canal ${CHANNEL_NAMES[channel]} un mes más para completar la información (art. 17): el desistimiento tácito pasa del ${spanishDate(previous)} al ${spanishDate(next)}.` +
    (silenceRuleDropped ? ' La regla de silencio de la empresa deja de aplicar.' : ''),
  periodExtensionNotWaiting: () => 'Sin efecto: el caso no estaba esperando al peticionario.',
  informationReceived: ({ legal, businessDaysLeft, dues, at, firstResponsePending }) => {
    const daysLeft = businessDaysLeft > 0 ? `los ${days(businessDaysLeft)} que le quedaban` : 'un día hábil (se pidió el último día)';
    const legalPart = {
      restarted: `el término legal se reanuda al día siguiente con ${daysLeft}; vence el ${spanishInstant(dues.legal)}`,
      expired: `el vencimiento legal (${spanishInstant(dues.legal)}) ya había pasado antes de la solicitud y no revive`,
      not_suspended: `el término legal no se suspendió y sigue venciendo el ${spanishInstant(dues.legal)}${passedNote(at, dues.legal)}`,
    }[legal];
    const firstResponsePart = firstResponsePending ? `; primera respuesta a más tardar el ${firstResponseDue(dues)}${passedNote(at, dues.firstResponse)}` : '';
    return `Información recibida: ${legalPart}; respuesta de fondo a más tardar el ${resolutionDue(dues)}${passedNote(at, dues.resolution)}${firstResponsePart}.`;
  },
  noEffectNotWaiting: () => 'Sin efecto: los plazos no estaban esperando al peticionario.',
  noEffectStopped: () => 'Sin efecto: los plazos ya se habían detenido.',
  responseSent: ({ first, resolved, at, dues }) => {
    const parts: string[] = [];
    if (first) parts.push(dues.firstResponse ? `Primera respuesta, ${timeliness(at, dues.firstResponse)}.` : 'Primera respuesta.');
    parts.push(
      resolved
        ? `Resuelta: meta de la empresa ${timeliness(at, dues.resolution)}; término legal ${timeliness(at, dues.legal)}; los plazos se detienen.`
        : `Respuesta pendiente: los plazos siguen corriendo (respuesta de fondo a más tardar el ${resolutionDue(dues)}; vencimiento legal el ${spanishInstant(dues.legal)}).`,
    );
    return parts.join(' ');
  },
  counterReplyRunning: () => 'Contrarrespuesta recibida: los plazos siguen corriendo.',
  counterReplyReopened: ({ legalDue, passed }) =>
    `Contrarrespuesta recibida: el caso se reabre y sus plazos vuelven a correr con los mismos vencimientos (vencimiento legal el ${spanishInstant(legalDue)}).` +
    (passed ? ' Ese vencimiento ya pasó: el caso vuelve a estar vencido.' : ''),
  extended: (e) => {
    const previous = spanishInstant(e.previousDueAt);
    const reason = `Motivo informado: «${e.reason}».`;
    if (!e.beforeDeadline) {
      return `Prórroga de ${days(e.businessDays)} comunicada cuando el vencimiento legal (${previous}) ya había pasado: no tiene efecto (el parágrafo del art. 14 exige informarla antes del vencimiento). ${reason}`;
    }
    const next = spanishInstant(e.newDueAt);
    if (!e.withinLimit) {
      return `La prórroga de ${days(e.businessDays)} excede lo que la ley aún permitía (${e.allowed}; como máximo el término inicial de ${e.termDays}): solo se aplican ${e.applied}; vencimiento legal del ${previous} al ${next}. ${reason}`;
    }
    return `Plazo prorrogado ${days(e.businessDays)} (art. 14, parágrafo): vencimiento legal del ${previous} al ${next}; aún se pueden añadir ${days(e.allowed - e.applied)}. ${reason}`;
  },
  transferred: ({ entity, termDays, dueAt, late }) => {
    const timing = late
      ? `Tarde: el art. 21 exige trasladarla dentro de los ${termDays} días hábiles siguientes a la radicación, a más tardar el ${spanishInstant(dueAt)}.`
      : `A tiempo: dentro de los ${termDays} días hábiles siguientes a la radicación (a más tardar el ${spanishInstant(dueAt)}).`;
    return `Trasladada por competencia a ${entity} (art. 21): aquí termina nuestro término legal. ${timing}`;
  },
  closedAfterStop: ({ reason, at }) => `Caso cerrado; sus plazos ya se habían detenido (${STOP_REASONS[reason]} el ${spanishInstant(at)}).`,
  closed: () => 'Caso cerrado sin una respuesta que lo resolviera: los plazos se detienen.',
  withdrawn: (by) =>
    `Desistimiento tácito (art. 17): el peticionario no completó la información solicitada${by ? ` a más tardar el ${spanishDate(by)}` : ' en el plazo'}; los plazos se detienen.`,
  noEffectOnDeadlines: () => 'No afecta los plazos.',
  overdueRecorded: (dueAt) => `Registrado por el proceso de plazos (vencía el ${spanishInstant(dueAt)}): no afecta los plazos.`,
  overduePredicted: ({ subject, dueAt, metAt }) => {
    const outcome = metAt ? `se cumplió tarde, el ${spanishInstant(metAt)}` : 'no se cumplió a tiempo';
    return `${OVERDUE_SUBJECTS[subject]} vencía el ${spanishInstant(dueAt)}; ${outcome}.`;
  },
  target: formatTarget,
};

const OVERDUE_SUBJECTS: Record<OverdueSubject, string> = {
  firstResponse: 'La primera respuesta',
  resolution: 'La meta de respuesta de la empresa',
  legal: 'El término legal (Ley 1755 de 2015, art. 14)',
};

const STOP_REASONS: Record<StopReason, string> = { resolved: 'resuelto', closed: 'cerrado', transferred: 'trasladado', withdrawn: 'desistido' };

const PRIORITIES: Record<SlaPriority, string> = { urgent: 'urgente', high: 'alta', medium: 'media', low: 'baja' };


const LONG_DATE = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const CIVIL_DATE = new Intl.DateTimeFormat('es-CO', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', hour: '2-digit', minute: '2-digit', hour12: false });
const CLOCK_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Bogota', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** "jueves, 23 de octubre de 2025" for a due at the end of the day (the legal terms), with the time otherwise. */
export function spanishInstant(iso: string): string {
  const instant = new Date(iso);
  const endOfDay = CLOCK_TIME.format(instant) === '23:59:59';
  return endOfDay ? LONG_DATE.format(instant) : `${LONG_DATE.format(instant)}, a las ${TIME.format(instant)}`;
}

/** A calendar date 'YYYY-MM-DD' as "jueves, 23 de octubre de 2025". */
export function spanishDate(date: string): string {
  return CIVIL_DATE.format(new Date(`${date}T00:00:00Z`));
}

/** "a la radicación" or "al recibo", as the receipt reading in force counts the legal term. */
function receiptText({ reading, receivedOn }: { reading: ReceiptReading; receivedOn: string | null }): string {
  if (reading === 'filing_day') return 'a la radicación (lectura del recibo: el día de la radicación, sea cual sea su día u hora)';
  const moved = receivedOn ? `; se tiene por recibida el ${spanishDate(receivedOn)}` : '';
  return `al recibo (lectura del recibo: una radicación en día no hábil o fuera del horario se tiene por recibida el siguiente día hábil${moved})`;
}

function kindName(kind: CaseKind): string {
  return CASE_KIND_NAMES[kind].name;
}

function days(amount: number): string {
  return `${amount} ${amount === 1 ? 'día hábil' : 'días hábiles'}`;
}

export function formatTarget({ amount, unit }: SlaTarget): string {
  if (unit === 'business_days') return days(amount);
  return `${amount} ${amount === 1 ? 'hora hábil' : 'horas hábiles'}`;
}

function policyLabel({ source, typology, urgency, priority }: PolicyText): string {
  if (source === 'urgent') return `Urgente (${urgency ? URGENCY_REASON_NAMES[urgency] : ''}): aplica la política urgente, sea cual sea la tipología (prioridad ${PRIORITIES[priority]})`;
  if (source === 'typology') return `Política '${typology}' (prioridad ${PRIORITIES[priority]})`;
  return `Sin política para '${typology}': aplica la política por defecto (prioridad ${PRIORITIES[priority]})`;
}

function resolutionDue(dues: DueInstants): string {
  const company = spanishInstant(dues.company);
  return dues.resolution === dues.company ? company : `${spanishInstant(dues.resolution)} (limitada por el vencimiento legal; la meta de la empresa sola daría el ${company})`;
}

function firstResponseDue(dues: DueInstants): string {
  const due = spanishInstant(String(dues.firstResponse));
  if (dues.firstResponse === dues.firstResponseTarget) return due;
  return `${due} (limitada por la respuesta de fondo; la meta sola daría el ${spanishInstant(String(dues.firstResponseTarget))})`;
}

function passedNote(at: string, due: string | null): string {
  return due !== null && isAfter(at, due) ? ' (ya vencida)' : '';
}

function timeliness(at: string, due: string): string {
  return isAfter(at, due) ? `tarde (vencía el ${spanishInstant(due)})` : `a tiempo (vencía el ${spanishInstant(due)})`;
}
