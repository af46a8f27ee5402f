import { ERASED_MARK, URGENCY_REASON_NAMES } from '@app/domain';
import type { ProjectionEvent } from '../projection';

export interface TimelineEntry {
  position: number;
  revision: number;
  at: string;
  type: ProjectionEvent['type'];
  actorId: string;
  /** How the step reached us or the customer: the filing channel, email for responses, internal otherwise. */
  channel: string;
  /** What happened, in Spanish (es-CO), as the customer may read it. */
  description: string;
  customerVisible: boolean;
}

const OUTCOME = { resolved: 'resuelto', pending: 'pendiente' } as const;
const CUSTOMER_EMAIL = {
  information: 'Se recibió un correo del cliente con la información solicitada',
  counter_reply: 'Se recibió un correo del cliente con su contrarespuesta',
  late: 'Se recibió un correo del cliente después del plazo de contrarespuesta; se le indicó cómo continuar',
  noted: 'Se recibió un correo del cliente',
} as const;

/**
 * A delivery is internal, except the two the law requires to be notified or sent, which the customer
 * sees as done: the tacit withdrawal notified (art. 17) and the petition sent to the competent entity (art. 21).
 */
function deliveredEntry(data: { sourceEventType: string; addressee?: string }): [string, string, boolean] {
  if (data.addressee === 'entity') return ['email', 'Petición remitida por correo a la entidad competente (traslado, Ley 1755 de 2015, art. 21)', true];
  if (data.sourceEventType === 'CaseWithdrawn') return ['email', 'Decisión de desistimiento tácito notificada al cliente por correo', true];
  return ['email', `Correo enviado al cliente (${data.sourceEventType})`, false];
}

/** How each event reads on the timeline; internal steps are hidden from the customer. */
export function timelineEntryOf(event: ProjectionEvent): TimelineEntry {
  const [channel, description, customerVisible] = describe(event);
  return { position: event.position, revision: event.revision, at: event.metadata.occurredAt, type: event.type, actorId: event.metadata.actorId, channel, description, customerVisible };
}

/** Entries whose description ends with a text written about the petitioner (after `: `). */
const QUOTES_A_REASON: ReadonlySet<string> = new Set(['CaseReturnedToAgent', 'DeadlineExtended']);

/**
 * The entry as a replay describes it once the petitioner's key is gone: the quoted reason reads
 * [erased] (CASE_PERSONAL_DATA_POLICY encrypts it). Other entries quote no personal text.
 */
export function withoutPersonalText(entry: TimelineEntry): TimelineEntry {
  if (!QUOTES_A_REASON.has(entry.type)) return entry;
  const quote = entry.description.indexOf(': ');
  return quote < 0 ? entry : { ...entry, description: `${entry.description.slice(0, quote + 2)}${ERASED_MARK}` };
}

function describe(event: ProjectionEvent): [channel: string, description: string, customerVisible: boolean] {
  switch (event.type) {
    case 'CaseFiled':
      return [event.data.channel, `Caso radicado con el número ${event.data.filingNumber}`, true];
    case 'CaseTypified':
      return ['internal', `Caso tipificado: ${event.data.typology} / ${event.data.motive}`, false];
    case 'CaseResolvedAtFirstLine':
      return ['internal', 'Solicitud resuelta en primera línea', true];
    case 'CaseAssigned':
      return ['internal', `Caso asignado a ${event.data.backofficeId}`, false];
    case 'TypificationConfirmed':
      return ['internal', 'Tipificación confirmada', false];
    case 'CaseReturnedToAgent':
      return ['internal', `Caso devuelto al asesor: ${event.data.reason}`, false];
    case 'InformationRequested':
      return ['email', 'Se solicitó información adicional al cliente', true];
    case 'InformationPeriodExtended':
      return [event.data.channel, 'El cliente pidió un mes más para completar la información (art. 17, Ley 1755 de 2015)', true];
    case 'InformationReceived':
      return [event.data.channel, 'Se recibió la información solicitada', true];
    case 'ResponseSent':
      return ['email', `Respuesta enviada al cliente (${OUTCOME[event.data.outcome]})`, true];
    case 'InternalNoteAdded':
      // The note's text is read in the conversation only: the timeline says that one was written.
      return ['internal', 'Nota interna registrada', false];
    case 'CounterReplyReceived':
      return [event.data.channel, 'Se recibió una contrarespuesta del cliente; el caso se reabrió', true];
    case 'DeadlineExtended':
      return ['email', `Plazo ampliado ${event.data.businessDays} días hábiles: ${event.data.reason}`, true];
    case 'CaseTransferred':
      return ['email', `Caso trasladado por competencia a ${event.data.entity}`, true];
    case 'SatisfactionSurveyAnswered':
      return [event.data.via === 'public' ? 'web' : 'phone', 'Encuesta de satisfacción respondida', true];
    case 'QualityReviewed':
      return ['internal', 'Revisión de calidad registrada', false];
    case 'CaseClosed':
      return ['internal', 'Caso cerrado', true];
    case 'FirstResponseOverdue':
      return ['internal', `Primera respuesta vencida (plazo ${event.data.dueAt})`, false];
    case 'ResolutionOverdue':
      return ['internal', `Plazo de solución vencido (${event.data.dueAt})`, false];
    case 'CaseWithdrawn':
      return ['email', 'Desistimiento tácito: no se recibió la información solicitada en un mes (Ley 1755 de 2015, art. 17)', true];
    case 'EmailDelivered':
      return deliveredEntry(event.data);
    case 'EmailDeliveryFailed':
      if (event.data.addressee === 'entity') return ['email', `No se pudo remitir la petición a la entidad competente (intento ${event.data.attempt}); se reintentará`, false];
      return ['email', `No se pudo enviar el correo al cliente (${event.data.sourceEventType}, intento ${event.data.attempt}); se reintentará`, false];
    case 'CustomerEmailReceived':
      return ['email', CUSTOMER_EMAIL[event.data.disposition], true];
    case 'CasePriorityChanged':
      return ['internal', event.data.reason ? `Caso marcado urgente: ${URGENCY_REASON_NAMES[event.data.reason.code]}` : 'Caso devuelto a prioridad normal', false];
    case 'PetitionerDataErased':
      return ['internal', 'Datos personales del peticionario suprimidos a su solicitud (Ley 1581 de 2012)', false];
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
