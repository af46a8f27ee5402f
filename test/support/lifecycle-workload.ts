import type { Response } from 'supertest';
import { caseIdForKey, WEB_CUSTOMER } from '@app/api';
import { CUSTOMER_CASE_KINDS, LEGAL_TERM_BUSINESS_DAYS } from '@app/domain';
import type { CaseKind, Channel } from '@app/domain';
import { bearerWithRoles } from './actors';
import { assignablePerson, WORKLOAD_BACKOFFICE } from './assignable-people';
import type { KeepAliveClient } from './keep-alive-client';
import { SeededRandom } from './seeded-random';
import type { ManualClock } from './test-app';

/**
 * A seeded random walk of many cases through the lifecycle, driven over HTTP as people do it:
 * the right role and person for each step (the assignee for backoffice work), If-Match with the
 * revision the previous step returned, and a ManualClock moved forward slot by slot (five working
 * hours a day, weekends included for the channels that never close) so that the events span months.
 *
 * Each case draws from its own PRNG stream, and every outcome depends only on the case and the
 * clock, so a seed gives the same commands, refusals and final statuses whatever the interleaving.
 */

export const WORKLOAD_AGENTS = ['agent-ana', 'agent-luis', 'agent-marta', 'agent-pedro', 'agent-sara'];
export { WORKLOAD_BACKOFFICE };
export const WORKLOAD_SUPERVISORS = ['sup-sofia', 'sup-tomas'];
export const WORKLOAD_QUALITY = ['qa-quique', 'qa-rosa'];

const KINDS: CaseKind[] = ['petition', 'complaint', 'claim', 'suggestion', 'report', 'inquiry', 'formal_petition', 'document_request'];
const FIRST_LINE_KINDS: CaseKind[] = ['petition', 'inquiry', 'document_request'];
const CHANNELS: Channel[] = ['phone', 'chat', 'email', 'web', 'in_person', 'letter', 'regulator'];
const TYPOLOGIES: Record<string, string[]> = {
  billing: ['duplicate-charge', 'wrong-amount', 'unknown-charge'],
  service: ['rude-staff', 'long-wait', 'no-answer'],
  technical: ['no-signal', 'slow-connection', 'outage'],
  contract: ['cancellation', 'plan-change', 'portability'],
  information: ['coverage', 'rates', 'procedures'],
};
const ENTITIES = ['Superintendencia de Industria y Comercio', 'Superintendencia Financiera', 'CRC', 'Alcaldía de Bogotá'];
const NAMES = ['María Fernanda Rojas', 'Juan Carlos Pérez', 'Luisa Gómez', 'Andrés Felipe Torres', 'Camila Herrera', 'José Martínez'];

/** Working slots of a day, in UTC (Bogotá is UTC−5): 08:30, 10:00, 12:00, 14:00, 16:00. */
const SLOT_TIMES_UTC = ['13:30', '15:00', '17:00', '19:00', '21:00'];
const SLOTS_PER_DAY = SLOT_TIMES_UTC.length;
const MAX_COMMANDS_PER_CASE = 14;

export type WalkStatus =
  | 'to_typify'
  | 'filed'
  | 'assigned'
  | 'returned'
  | 'in_progress'
  | 'awaiting_information'
  | 'responded'
  | 'resolved_first_line'
  | 'transferred'
  | 'closed';

/** What the test knows of one case, from the commands it sent and their answers. */
export interface WalkCase {
  index: number;
  caseId: string;
  filingNumber: string;
  filedBy: string;
  /** The agent a return sends the case to (the last to typify it). */
  typifiedBy: string;
  status: WalkStatus;
  kind: CaseKind;
  assigneeId: string | null;
  returnedTo: string | null;
  outcome: 'resolved' | 'pending' | null;
  surveyAnswered: boolean;
  legalTermDays: number;
  extendedDays: number;
  revision: number;
  commands: number;
}

type Action =
  | 'assign'
  | 'reassign'
  | 'confirm'
  | 'return'
  | 'typify'
  | 'retypify'
  | 'requestInfo'
  | 'receiveInfo'
  | 'respondResolved'
  | 'respondPending'
  | 'counterReply'
  | 'lateCounterReply'
  | 'extend'
  | 'transfer'
  | 'survey'
  | 'quality'
  | 'close';

/** Refusals the walk expects now and then, because it does not keep the business calendar itself. */
const TOLERATED: Partial<Record<Action, string[]>> = {
  extend: ['CASE.DEADLINE_PASSED', 'CASE.EXTENSION_TOO_LONG'],
  counterReply: ['CASE.COUNTER_REPLY_WINDOW_CLOSED'],
  lateCounterReply: ['CASE.COUNTER_REPLY_WINDOW_CLOSED'],
};

export interface WorkloadOptions {
  seed: number;
  cases: number;
  /** Requests in flight at once (within one clock slot). */
  concurrency: number;
  /** The first day (YYYY-MM-DD); cases are filed over `filingDays` days from it. */
  firstDay: string;
  filingDays: number;
  /** Where commands go (a kept-alive client: thousands of requests). */
  client: Pick<KeepAliveClient, 'post'>;
  clock: ManualClock;
  /**
   * Default true: now and then a filing cites an earlier one. False when no projector runs: the
   * citation is checked against the case view, which then never has the case (503 READ_MODEL.BEHIND).
   */
  citeEarlierCases?: boolean;
  /**
   * Default true: now and then the customer files on the web (POST /public/cases). False when no projector
   * runs: the filing waits (up to 5 s) for the read models its receipt's tracking link reads.
   */
  fileOnTheWeb?: boolean;
}

export interface WorkloadResult {
  seed: number;
  cases: WalkCase[];
  /** Commands sent, accepted ones by action, tolerated refusals by code. */
  sent: number;
  accepted: Record<string, number>;
  refused: Record<string, number>;
  /** Anything else the API answered: the test fails on these. */
  unexpected: string[];
  /** Highest global position an accepted command returned. */
  lastPosition: number;
  firstInstant: string;
  lastInstant: string;
  slots: number;
}

interface Scheduled {
  walk: WalkCase;
  rng: SeededRandom;
  action: Action | 'file';
}

export async function runLifecycleWorkload(options: WorkloadOptions): Promise<WorkloadResult> {
  const root = new SeededRandom(options.seed);
  const firstDayMs = Date.parse(`${options.firstDay}T00:00:00Z`);
  const instantOf = (slot: number) => {
    const day = Math.floor(slot / SLOTS_PER_DAY);
    const date = new Date(firstDayMs + day * 86_400_000).toISOString().slice(0, 10);
    return `${date}T${SLOT_TIMES_UTC[slot % SLOTS_PER_DAY]}:00.000Z`;
  };

  const result: WorkloadResult = {
    seed: options.seed,
    cases: [],
    sent: 0,
    accepted: {},
    refused: {},
    unexpected: [],
    lastPosition: 0,
    firstInstant: '',
    lastInstant: '',
    slots: 0,
  };
  const agenda = new Map<number, Scheduled[]>();
  const schedule = (slot: number, entry: Scheduled) => {
    if (!agenda.has(slot)) agenda.set(slot, []);
    agenda.get(slot)!.push(entry);
  };

  for (let index = 0; index < options.cases; index++) {
    const rng = root.fork(index);
    const filedBy = rng.pick(WORKLOAD_AGENTS);
    const walk: WalkCase = {
      index,
      caseId: '',
      filingNumber: '',
      filedBy,
      typifiedBy: filedBy,
      status: 'filed',
      kind: 'claim',
      assigneeId: null,
      returnedTo: null,
      outcome: null,
      surveyAnswered: false,
      legalTermDays: 15,
      extendedDays: 0,
      revision: -1,
      commands: 0,
    };
    result.cases.push(walk);
    schedule(rng.int(0, options.filingDays * SLOTS_PER_DAY - 1), { walk, rng, action: 'file' });
  }

  options.clock.set(instantOf(0));
  await seedWorkloadDirectory(options, result);

  const runOne = async (entry: Scheduled, slot: number) => {
    const { walk, rng, action } = entry;
    const sent = action === 'file' ? await fileCase(options, walk, rng, result.cases) : await change(options, walk, rng, action);
    result.sent++;
    walk.commands++;
    const { response, label } = sent;
    if (response.status === 200 || response.status === 201) {
      result.accepted[label] = (result.accepted[label] ?? 0) + 1;
      // A web filing answers the customer without a position: the command that follows it on the case has a later one.
      if (typeof response.body.position === 'number') result.lastPosition = Math.max(result.lastPosition, response.body.position);
      walk.revision = response.body.revision;
      if (action === 'file') {
        walk.caseId = response.body.caseId;
        walk.filingNumber = response.body.filingNumber;
      }
      sent.apply();
    } else if (action !== 'file' && (TOLERATED[action] ?? []).includes(response.body?.code)) {
      result.refused[response.body.code] = (result.refused[response.body.code] ?? 0) + 1;
    } else {
      result.unexpected.push(`case #${walk.index} ${label} at ${instantOf(slot)}: ${response.status} ${JSON.stringify(response.body)}`);
      return; // the walk of this case ends here
    }
    if (walk.commands >= MAX_COMMANDS_PER_CASE) return;
    const next = nextAction(walk, rng);
    if (next) schedule(slot + delayFor(next, rng), { walk, rng, action: next });
  };

  for (let slot = 0; agenda.size > 0; slot++) {
    const due = agenda.get(slot);
    if (!due) continue;
    agenda.delete(slot);
    options.clock.set(instantOf(slot));
    result.firstInstant ||= instantOf(slot);
    result.lastInstant = instantOf(slot);
    result.slots++;
    let next = 0;
    const worker = async () => {
      while (next < due.length) await runOne(due[next++], slot);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, due.length) }, worker));
  }
  return result;
}

/** How many slots later the next step happens: counter-replies come quickly (the window is 3 business days). */
function delayFor(action: Action, rng: SeededRandom): number {
  switch (action) {
    case 'counterReply':
    case 'extend':
      return rng.int(1, 3);
    case 'lateCounterReply':
      return rng.int(6, 8) * SLOTS_PER_DAY;
    case 'receiveInfo':
      return rng.int(2, 15);
    default:
      return rng.int(1, 12);
  }
}

function nextAction(walk: WalkCase, rng: SeededRandom): Action | null {
  const survey = walk.surveyAnswered ? 0 : 1;
  const options: Array<readonly [Action | null, number]> = (() => {
    switch (walk.status) {
      case 'to_typify':
        // Never left alone: its filing's position is known from the command that follows (see runOne).
        return [['typify', 85], ['close', 10], ['transfer', 5]];
      case 'filed':
        return [['assign', 80], ['extend', 5], ['transfer', 4], ['close', 4], [null, 7]];
      case 'assigned':
        return [['confirm', 60], ['return', 20], ['reassign', 8], ['close', 3], ['transfer', 2], [null, 7]];
      case 'returned':
        return [['retypify', 80], ['reassign', 5], ['close', 5], [null, 10]];
      case 'in_progress':
        return [['respondResolved', 35], ['respondPending', 20], ['requestInfo', 20], ['extend', 8], ['reassign', 5], ['transfer', 3], ['close', 2], [null, 7]];
      case 'awaiting_information':
        return [['receiveInfo', 75], ['close', 8], ['transfer', 5], ['reassign', 2], [null, 10]];
      case 'responded':
        return walk.outcome === 'pending'
          ? [['respondResolved', 45], ['respondPending', 10], ['counterReply', 15], ['extend', 5], ['close', 10], [null, 15]]
          : [['counterReply', 17], ['lateCounterReply', 3], ['survey', 25 * survey], ['quality', 15], ['close', 30], ['reassign', 2], [null, 10]];
      case 'resolved_first_line':
        return [['survey', 40 * survey], ['quality', 20], [null, 40]];
      case 'closed':
        return [['survey', 15 * survey], ['quality', 15], [null, 70]];
      case 'transferred':
        return [['quality', 20], [null, 80]];
    }
  })();
  return rng.weighted(options);
}

interface Sent {
  label: string;
  response: Response;
  /** Updates the model once the API accepted the command. */
  apply: () => void;
}

/** `walked`: the cases so far; now and then the filing cites one already filed (an unknown number is CASE.RELATED_NOT_FOUND). */
function fileCase(options: WorkloadOptions, walk: WalkCase, rng: SeededRandom, walked: readonly WalkCase[]): Promise<Sent> {
  if (rng.chance(0.12) && options.fileOnTheWeb !== false) return fileOnTheWeb(options, walk, rng, walked);
  const kind = rng.pick(KINDS);
  const firstLine = FIRST_LINE_KINDS.includes(kind) && rng.chance(kind === 'inquiry' ? 0.4 : 0.15);
  const typology = rng.pick(Object.keys(TYPOLOGIES));
  const body: Record<string, unknown> = {
    kind,
    typology,
    motive: rng.pick(TYPOLOGIES[typology]),
    channel: rng.pick(CHANNELS),
    subject: `Caso de prueba ${walk.index}: ${typology}`,
    facts: `Hechos del caso ${walk.index}, con fechas (semilla ${options.seed}).`,
    request: 'Que se atienda la solicitud',
    petitioner: {
      fullName: rng.pick(NAMES),
      documentType: rng.pick(['CC', 'CE', 'NIT', 'PA']),
      documentNumber: distinctDocument(walk.index, rng),
      email: `cliente${walk.index}@example.com`,
      ...(rng.chance(0.7) && { phone: `+57 3${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}` }),
    },
    consent: { givenAt: '2026-03-01T09:00:00-05:00', channel: 'phone', policyVersion: '2026-01' },
    ...(rng.chance(0.2) && { attachments: [{ name: `soporte-${walk.index}.pdf`, contentType: 'application/pdf', size: rng.int(1000, 900_000) }] }),
    ...(rng.chance(0.1) && options.citeEarlierCases !== false && citable(walked, rng)),
    ...(firstLine && { firstLineResolution: { resolution: 'Se resolvió en la llamada' } }),
  };
  const token = bearerWithRoles(walk.filedBy, 'agent');
  return options.client
    .post('/cases')
    .set('Authorization', token)
    .send(body)
    .then((response) => ({
      label: firstLine ? 'fileResolvedAtFirstLine' : 'file',
      response,
      apply: () => {
        walk.kind = kind;
        walk.legalTermDays = LEGAL_TERM_BUSINESS_DAYS[kind];
        walk.status = firstLine ? 'resolved_first_line' : 'filed';
      },
    }));
}

/** The customer files on the web form (no token, no typification): the case waits in the to-typify queue. */
function fileOnTheWeb(options: WorkloadOptions, walk: WalkCase, rng: SeededRandom, walked: readonly WalkCase[]): Promise<Sent> {
  const kind = rng.pick(CUSTOMER_CASE_KINDS);
  const key = `workload-${options.seed}-${walk.index}`;
  const body: Record<string, unknown> = {
    kind,
    fullName: rng.pick(NAMES),
    documentType: rng.pick(['CC', 'CE', 'NIT', 'PA']),
    documentNumber: distinctDocument(walk.index, rng),
    email: `cliente${walk.index}@example.com`,
    ...(rng.chance(0.7) && { phone: `+57 3${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}` }),
    subject: `Caso web ${walk.index}`,
    facts: `Hechos del caso ${walk.index}, contados por el cliente (semilla ${options.seed}).`,
    request: 'Que se atienda la solicitud',
    consent: { accepted: true, policyVersion: '2026-01' },
    ...(rng.chance(0.1) && options.citeEarlierCases !== false && citable(walked, rng)),
  };
  return options.client
    .post('/public/cases')
    .set('Idempotency-Key', key)
    .send(body)
    .then((response) => ({
      label: 'fileOnTheWeb',
      response,
      apply: () => {
        // The customer is not told the case id: it is the one the filing's Idempotency-Key names.
        walk.caseId = caseIdForKey(WEB_CUSTOMER.id, key);
        walk.revision = 0;
        walk.kind = kind;
        walk.legalTermDays = LEGAL_TERM_BUSINESS_DAYS[kind];
        walk.status = 'to_typify';
      },
    }));
}

function citable(walked: readonly WalkCase[], rng: SeededRandom): { relatedFilingNumber: string } | Record<string, never> {
  const filed = walked.filter((other) => other.filingNumber !== '');
  return filed.length === 0 ? {} : { relatedFilingNumber: rng.pick(filed).filingNumber };
}

function change(options: WorkloadOptions, walk: WalkCase, rng: SeededRandom, action: Action): Promise<Sent> {
  const supervisor = bearerWithRoles(rng.pick(WORKLOAD_SUPERVISORS), 'supervisor');
  const assignee = () => bearerWithRoles(walk.assigneeId!, 'backoffice');
  const anyAgent = () => bearerWithRoles(rng.pick(WORKLOAD_AGENTS), 'agent');
  const otherBackoffice = () => rng.pick(WORKLOAD_BACKOFFICE.filter((id) => id !== walk.assigneeId));
  let path: string;
  let token: string;
  let body: Record<string, unknown>;
  let apply: () => void;
  switch (action) {
    case 'assign':
    case 'reassign': {
      const backofficeId = otherBackoffice();
      [path, token, body] = ['assignment', supervisor, { backofficeId }];
      apply = () => {
        walk.assigneeId = backofficeId;
        if (walk.status === 'filed') walk.status = 'assigned';
      };
      break;
    }
    case 'confirm':
      [path, token, body] = ['typification-review', assignee(), { consistent: true }];
      apply = () => (walk.status = 'in_progress');
      break;
    case 'return':
      [path, token, body] = ['typification-review', assignee(), { consistent: false, reason: 'La tipificación no corresponde a los hechos' }];
      apply = () => {
        walk.status = 'returned';
        walk.returnedTo = walk.typifiedBy;
      };
      break;
    case 'typify':
    case 'retypify': {
      const kind = rng.pick(KINDS);
      const typology = rng.pick(Object.keys(TYPOLOGIES));
      // A web filing: any agent; a returned case: the agent it was returned to (no other agent may:
      // CASE.NOT_RETURNED_TO_ACTOR). Now and then a supervisor.
      const agent = rng.chance(0.8) ? (action === 'typify' ? rng.pick(WORKLOAD_AGENTS) : walk.returnedTo!) : rng.pick(WORKLOAD_SUPERVISORS);
      const role = WORKLOAD_SUPERVISORS.includes(agent) ? 'supervisor' : 'agent';
      [path, token, body] = ['typification', bearerWithRoles(agent, role), { kind, typology, motive: rng.pick(TYPOLOGIES[typology]) }];
      apply = () => {
        // A web filing then waits for distribution; a returned case goes back to its backoffice agent.
        walk.status = action === 'typify' ? 'filed' : 'assigned';
        walk.kind = kind;
        walk.legalTermDays = LEGAL_TERM_BUSINESS_DAYS[kind];
        walk.typifiedBy = agent;
        walk.returnedTo = null;
      };
      break;
    }
    case 'requestInfo':
      [path, token, body] = ['information-requests', assignee(), { message: 'Por favor envíe la factura y el número de cuenta' }];
      apply = () => (walk.status = 'awaiting_information');
      break;
    case 'receiveInfo':
      [path, token, body] = ['information', rng.chance(0.6) ? assignee() : anyAgent(), { summary: 'El cliente envió lo solicitado', channel: rng.pick(CHANNELS) }];
      apply = () => (walk.status = 'in_progress');
      break;
    case 'respondResolved':
    case 'respondPending': {
      const outcome = action === 'respondResolved' ? 'resolved' : 'pending';
      [path, token, body] = ['responses', assignee(), { body: `Respuesta (${outcome}) al caso ${walk.index}`, outcome, decision: 'favourable' }];
      apply = () => {
        walk.status = 'responded';
        walk.outcome = outcome;
      };
      break;
    }
    case 'counterReply':
    case 'lateCounterReply':
      [path, token, body] = ['counter-replies', rng.chance(0.7) ? anyAgent() : assignee(), { summary: 'El cliente no está de acuerdo', channel: rng.pick(CHANNELS) }];
      apply = () => {
        walk.status = 'in_progress';
        walk.outcome = null;
      };
      break;
    case 'extend': {
      const allowed = Math.max(1, walk.legalTermDays - walk.extendedDays);
      const businessDays = rng.int(1, Math.min(allowed, 10));
      const actor = walk.assigneeId && rng.chance(0.5) ? assignee() : supervisor;
      [path, token, body] = ['extensions', actor, { businessDays, reason: 'Se requiere concepto de otra área' }];
      apply = () => (walk.extendedDays += businessDays);
      break;
    }
    case 'transfer':
      [path, token, body] = ['transfer', supervisor, { entity: rng.pick(ENTITIES), entityEmail: 'radicacion@entidad.gov.co', reason: 'No es de nuestra competencia' }];
      apply = () => (walk.status = 'transferred');
      break;
    case 'survey': {
      const score = rng.int(1, 5);
      [path, token, body] = ['survey', anyAgent(), rng.chance(0.5) ? { score, comment: 'Comentario del cliente' } : { score }];
      apply = () => (walk.surveyAnswered = true);
      break;
    }
    case 'quality':
      [path, token, body] = ['quality-reviews', bearerWithRoles(rng.pick(WORKLOAD_QUALITY), 'quality'), { score: rng.int(0, 100), findings: 'Revisión de muestreo' }];
      apply = () => undefined;
      break;
    case 'close':
      [path, token, body] = ['closure', supervisor, { reason: 'Cierre administrativo' }];
      apply = () => (walk.status = 'closed');
      break;
  }
  return options.client
    .post(`/cases/${walk.caseId}/${path}`)
    .set('Authorization', token)
    .set('If-Match', `"${walk.revision}"`)
    .send(body)
    .then((response) => ({ label: action, response, apply }));
}

/** The counts `GET /queues/summary` must show for the walked cases, from the test's own model. */
export function expectedQueueSummary(cases: readonly WalkCase[]) {
  const summary = {
    queues: { to_typify: 0, unassigned: 0, backoffice: 0, returned: 0, awaiting_customer: 0 },
    byBackoffice: {} as Record<string, number>,
    byReturnedAgent: {} as Record<string, number>,
  };
  const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const walk of cases) {
    if (!walk.caseId) continue;
    switch (walk.status) {
      case 'to_typify':
        summary.queues.to_typify++;
        break;
      case 'filed':
        summary.queues.unassigned++;
        break;
      case 'assigned':
      case 'in_progress':
        summary.queues.backoffice++;
        bump(summary.byBackoffice, walk.assigneeId!);
        break;
      case 'responded':
        if (walk.outcome === 'pending') {
          summary.queues.backoffice++;
          bump(summary.byBackoffice, walk.assigneeId!);
        } else summary.queues.awaiting_customer++;
        break;
      case 'awaiting_information':
        summary.queues.awaiting_customer++;
        break;
      case 'returned':
        summary.queues.returned++;
        bump(summary.byReturnedAgent, walk.returnedTo!);
        break;
      default:
        break;
    }
  }
  return summary;
}

/**
 * The staff of the workload in the user directory, set up by an admin before the first filing: a
 * team of the backoffice agents, every person with their role, and a few changes (a role added, a
 * deactivation undone) so that the directory's read models have history to rebuild.
 */
/** With the default policy's targets: the deadlines are those the workload had before the catalog. */
function workloadTypology(typologyId: string, motives: string[]): object {
  const targets = { priority: 'medium', firstResponse: { amount: 24, unit: 'business_hours' }, resolution: { amount: 48, unit: 'business_hours' } };
  return { typologyId, name: typologyId, motives: motives.map((motiveId) => ({ motiveId, name: motiveId })), targets };
}

async function seedWorkloadDirectory(options: WorkloadOptions, result: WorkloadResult): Promise<void> {
  const admin = bearerWithRoles('adm-adela', 'admin');
  const staff: Array<[string, string]> = [
    ...WORKLOAD_AGENTS.map((id): [string, string] => [id, 'agent']),
    ...WORKLOAD_BACKOFFICE.map((id): [string, string] => [id, 'backoffice']),
    ...WORKLOAD_SUPERVISORS.map((id): [string, string] => [id, 'supervisor']),
    ...WORKLOAD_QUALITY.map((id): [string, string] => [id, 'quality']),
  ];
  const commands: Array<[label: string, path: string, body: object]> = [
    ['createTeam', '/teams', { teamId: 'backoffice-1', name: 'Backoffice 1' }],
    ...staff.map(([id, role]): [string, string, object] => [
      'createUser',
      '/users',
      // The backoffice agents as the assignable-people fixture creates them, in the team.
      role === 'backoffice' ? assignablePerson(id, ['backoffice-1']) : { userId: id, displayName: `Persona ${id}`, email: `${id}@empresa.co`, roles: [role], teamIds: [] },
    ]),
    // The test app's catalog is seeded with SLA_POLICIES' typologies; the others the workload files with, an admin adds.
    ...Object.entries(TYPOLOGIES)
      .filter(([typologyId]) => typologyId !== 'billing')
      .map(([typologyId, motives]): [string, string, object] => ['defineTypology', '/catalog/typologies', workloadTypology(typologyId, motives)]),
    ['changeUserRoles', `/users/${WORKLOAD_SUPERVISORS[0]}/roles`, { roles: ['supervisor', 'quality'] }],
    ['deactivateUser', `/users/${WORKLOAD_AGENTS[0]}/deactivation`, {}],
    ['reactivateUser', `/users/${WORKLOAD_AGENTS[0]}/reactivation`, {}],
  ];
  for (const [label, path, body] of commands) {
    const response = await options.client.post(path).set('Authorization', admin).send(body);
    result.sent++;
    if (response.status !== 200 && response.status !== 201) {
      result.unexpected.push(`directory ${label} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      continue;
    }
    result.accepted[label] = (result.accepted[label] ?? 0) + 1;
    result.lastPosition = Math.max(result.lastPosition, response.body.position);
  }
}

/** One petitioner per walk (one issue, one case: two walks of one petitioner and typology, both open, would be 409 CASE.OPEN_CASE_EXISTS). */
function distinctDocument(index: number, rng: SeededRandom): string {
  return String(10_000_000 + index * 1000 + rng.int(0, 999));
}
