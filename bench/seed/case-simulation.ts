/**
 * Simulated months of a PQR contact centre, driven through the real decider.
 *
 * Cases are filed over the simulated period (weekdays busier than weekends, office hours), and
 * each case then lives its own life: distribution to a backoffice agent, typification review
 * (sometimes returned and re-typified), information requests and receipts, deadline extensions,
 * pending then final responses, counter-replies within the window, surveys, quality reviews,
 * closures, a few transfers and first-line resolutions. Every step is a command built from the
 * case's folded state and decided by `createCaseDecider`; the events it returns are what gets stored.
 *
 * Steps are processed in simulated-time order: `nextRound` hands out the next commands of up to
 * `max` different cases (so they can be appended concurrently and share a group commit), and
 * `commit` folds their events into the cases' states and schedules each case's following step.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  Actor,
  CASE_EVENT_SCHEMA_VERSIONS,
  CaseCommand,
  CaseDecider,
  CaseEvent,
  CaseState,
  caseStreamId,
  createCaseDecider,
  DeadlineCalendar,
  FIRST_LINE_RESOLVABLE_KINDS,
  FiledCase,
} from '@app/domain';
import type { NewEvent } from '@app/event-store';
import * as catalog from './catalog';
import { toOffsetIso } from '@app/runtime/commands/case-events';
import { MemoizedCalendar } from './memoized-calendar';
import { Random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Bogotá is UTC−5 all year. */
const BOGOTA_OFFSET = -5 * HOUR;

export interface SimulationProfile {
  /** Part of cache keys: change it whenever the output would change. */
  name: string;
  seed: number;
  cases: number;
  /** First simulated day (Bogotá), e.g. '2025-01-01'. */
  startDate: string;
  months: number;
  staff: { agents: number; backoffice: number; supervisors: number; quality: number };
  /**
   * Short histories: how many commands a case gets after its filing, by weight; the case then
   * stays where it is. Absent: every case lives its full life (or until the period ends).
   */
  historyCap?: readonly (readonly [number, number])[];
}

/** One decided command, ready to append to its stream with the exact expected revision. */
export interface DecidedCommand {
  streamId: string;
  /** 'no_stream' for the filing, else the stream's current revision. */
  expectedRevision: 'no_stream' | number;
  command: CaseCommand;
  events: CaseEvent[];
  /** Simulated instant of the command (ms since epoch). */
  atMs: number;
  /** @internal */
  simCase: SimCase;
}

/** What each case decided at filing about its future (drawn once, so that the life is coherent). */
interface Plan {
  firstLine: boolean;
  transfer: boolean;
  earlyClose: boolean;
  reassign: boolean;
  returns: number;
  infoRequest: boolean;
  infoArrives: boolean;
  extend: boolean;
  pendingFirst: boolean;
  /** Calendar days from filing to the final response. */
  responseDays: number;
  counterReply: boolean;
  survey: boolean;
  quality: boolean;
  close: boolean;
  /** Commands allowed after the filing. */
  cap: number;
}

interface SimCase {
  caseId: string;
  streamId: string;
  state: CaseState;
  revision: number;
  filer: Actor;
  assignee: Actor | null;
  plan: Plan;
  commandsAfterFiling: number;
  returnsDone: number;
  reassigned: boolean;
  infoRequested: boolean;
  extended: boolean;
  pendingSent: boolean;
  counterReplies: number;
  qualityReviewed: boolean;
  /** The command waiting for its time. */
  pending: { atMs: number; command: CaseCommand } | null;
}

export interface SimulationStats {
  casesFiled: number;
  commands: number;
  events: number;
  eventsByType: Record<string, number>;
  /** Cases by status at the end of the period. */
  finalStatuses: Record<string, number>;
}

export class CaseSimulation {
  readonly decider: CaseDecider;
  readonly startMs: number;
  readonly endMs: number;
  private readonly random: Random;
  private readonly staff: catalog.Staff;
  private readonly filingTimes: Float64Array;
  private nextFiling = 0;
  private readonly heap = new TimeHeap();
  private readonly filingSequences = new Map<string, number>();
  private readonly counters: SimulationStats = { casesFiled: 0, commands: 0, events: 0, eventsByType: {}, finalStatuses: {} };

  constructor(
    readonly profile: SimulationProfile,
    calendar: DeadlineCalendar = new MemoizedCalendar(),
  ) {
    this.decider = createCaseDecider(calendar);
    this.random = new Random(profile.seed);
    this.staff = catalog.makeStaff(profile.staff);
    this.startMs = Date.parse(`${profile.startDate}T00:00:00-05:00`);
    const end = new Date(this.startMs - BOGOTA_OFFSET);
    end.setUTCMonth(end.getUTCMonth() + profile.months);
    this.endMs = end.getTime() + BOGOTA_OFFSET;
    this.filingTimes = this.drawFilingTimes();
  }

  /** The instant the period ends (Bogotá offset ISO): "now" for queries on the result. */
  get endIso(): string {
    return toOffsetIso(new Date(this.endMs));
  }

  /** `finalStatuses` counts the cases whose life is over (all of them once the simulation has ended). */
  stats(): SimulationStats {
    return { ...this.counters, eventsByType: { ...this.counters.eventsByType }, finalStatuses: { ...this.counters.finalStatuses } };
  }

  /**
   * The next commands in time order, at most one per case, decided against each case's state.
   * Empty when the simulation is over.
   */
  nextRound(max: number): DecidedCommand[] {
    const round: DecidedCommand[] = [];
    while (round.length < max) {
      const filingAt = this.nextFiling < this.filingTimes.length ? this.filingTimes[this.nextFiling] : Infinity;
      const stepAt = this.heap.peekTime();
      if (filingAt === Infinity && stepAt === Infinity) break;
      round.push(this.decidePending(filingAt <= stepAt ? this.fileNext(filingAt) : this.heap.pop()!));
    }
    return round;
  }

  /** Folds the round's events (now stored) into the cases and schedules their next steps. */
  commit(round: DecidedCommand[]): void {
    for (const decided of round) {
      const simCase = this.fold(decided);
      if (simCase.pending) this.heap.push(simCase.pending.atMs, simCase);
    }
  }

  /**
   * The whole life of the next case to be filed, each command decided on the state the previous
   * ones left (no other case moves meanwhile); null when every case was filed. Histories come out
   * case after case, not interleaved in time: quicker to project, same final read models.
   */
  nextCaseHistory(): DecidedCommand[] | null {
    if (this.nextFiling >= this.filingTimes.length) return null;
    const simCase = this.fileNext(this.filingTimes[this.nextFiling]);
    const history: DecidedCommand[] = [];
    while (simCase.pending) {
      const decided = this.decidePending(simCase);
      history.push(decided);
      this.fold(decided);
    }
    return history;
  }

  private decidePending(simCase: SimCase): DecidedCommand {
    const { atMs, command } = simCase.pending!;
    simCase.pending = null;
    let events: CaseEvent[];
    try {
      events = this.decider.decide(command, simCase.state);
    } catch (error) {
      throw new Error(`The simulation built a command the decider refused (${command.type} on ${simCase.state.status}): ${String(error)}`);
    }
    return { streamId: simCase.streamId, expectedRevision: simCase.revision < 0 ? 'no_stream' : simCase.revision, command, events, atMs, simCase };
  }

  /** Applies a decided command's events to its case and plans the case's next step (`pending`, null when over). */
  private fold(decided: DecidedCommand): SimCase {
    const simCase = decided.simCase;
    simCase.state = decided.events.reduce(this.decider.evolve, simCase.state);
    simCase.revision += decided.events.length;
    if (decided.command.type !== 'FileCase') simCase.commandsAfterFiling += 1;
    this.counters.commands += 1;
    this.counters.events += decided.events.length;
    for (const event of decided.events) this.counters.eventsByType[event.type] = (this.counters.eventsByType[event.type] ?? 0) + 1;
    this.noteCommand(simCase, decided.command);
    const next = simCase.commandsAfterFiling >= simCase.plan.cap ? null : this.planNext(simCase, decided.atMs);
    if (next && next.atMs < this.endMs) {
      simCase.pending = next;
    } else {
      const status = simCase.state.status;
      this.counters.finalStatuses[status] = (this.counters.finalStatuses[status] ?? 0) + 1;
    }
    return simCase;
  }

  /** Filing times, sorted: weekdays busier than weekends, mostly office hours. */
  private drawFilingTimes(): Float64Array {
    const days = Math.round((this.endMs - this.startMs) / DAY);
    const weights = Array.from({ length: days }, (_, day) => {
      const weekday = new Date(this.startMs - BOGOTA_OFFSET + day * DAY).getUTCDay();
      return weekday === 0 ? 0.15 : weekday === 6 ? 0.35 : 1;
    });
    const cumulative = new Float64Array(days);
    weights.reduce((sum, weight, day) => (cumulative[day] = sum + weight), 0);
    const total = cumulative[days - 1];
    const times = new Float64Array(this.profile.cases);
    for (let i = 0; i < times.length; i++) {
      const roll = this.random.next() * total;
      let low = 0;
      let high = days - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle] > roll) high = middle;
        else low = middle + 1;
      }
      // 07:00-20:00 local for most; web and email also at night.
      const hour = this.random.chance(0.9) ? this.random.between(7, 20) : this.random.between(0, 24);
      times[i] = this.startMs + low * DAY + hour * HOUR;
    }
    return times.sort();
  }

  private fileNext(atMs: number): SimCase {
    this.nextFiling += 1;
    const random = this.random;
    const caseId = random.uuid();
    const kind = random.weighted(catalog.KIND_WEIGHTS);
    const channel = random.weighted(catalog.CHANNEL_WEIGHTS);
    const { typology, motive, subject } = catalog.pickTypology(random);
    const filer = random.pick(this.staff.agents);
    const at = toOffsetIso(new Date(atMs));
    const year = at.slice(0, 4);
    const sequence = (this.filingSequences.get(year) ?? 0) + 1;
    this.filingSequences.set(year, sequence);
    const plan = this.drawPlan(kind);
    const petitioner = catalog.makePetitioner(random);
    const command: CaseCommand = {
      type: 'FileCase',
      actor: filer,
      at,
      data: {
        caseId,
        filingNumber: `${year}-${String(sequence).padStart(7, '0')}`,
        verificationCode: verificationCode(random),
        kind,
        typology,
        motive,
        channel,
        subject,
        facts: catalog.makeFacts(random, subject, at.slice(0, 10)),
        request: catalog.makeRequest(random, typology),
        attachments: catalog.makeAttachments(random),
        relatedFilingNumber: random.chance(0.03) && sequence > 1 ? `${year}-${String(random.int(1, sequence - 1)).padStart(7, '0')}` : null,
        // Seeded straight into the store (no encrypting decorator): a plain hash stands for the API's HMAC.
        petitionerId: createHash('sha256').update(`${petitioner.documentType}:${petitioner.documentNumber}`).digest('hex'),
        petitioner,
        consent: { givenAt: at, channel, policyVersion: '2026-01' },
        firstLineResolution: plan.firstLine ? { resolution: random.pick(catalog.RESPONSES_RESOLVED) } : null,
      },
    };
    this.counters.casesFiled += 1;
    return {
      caseId,
      streamId: caseStreamId(caseId),
      state: this.decider.initialState(),
      revision: -1,
      filer,
      assignee: null,
      plan,
      commandsAfterFiling: 0,
      returnsDone: 0,
      reassigned: false,
      infoRequested: false,
      extended: false,
      pendingSent: false,
      counterReplies: 0,
      qualityReviewed: false,
      pending: { atMs, command },
    };
  }

  private drawPlan(kind: string): Plan {
    const random = this.random;
    const firstLine = FIRST_LINE_RESOLVABLE_KINDS.includes(kind as (typeof FIRST_LINE_RESOLVABLE_KINDS)[number]) && random.chance(0.35);
    const lateness = random.next();
    return {
      firstLine,
      transfer: random.chance(0.02),
      earlyClose: random.chance(0.02),
      reassign: random.chance(0.05),
      returns: random.weighted([[0, 88], [1, 10], [2, 2]] as const),
      infoRequest: random.chance(0.15),
      infoArrives: random.chance(0.85),
      extend: random.chance(0.05),
      pendingFirst: random.chance(0.2),
      responseDays: lateness < 0.85 ? random.between(2, 18) : lateness < 0.95 ? random.between(18, 24) : random.between(24, 40),
      counterReply: random.chance(0.08),
      survey: random.chance(firstLine ? 0.3 : 0.35),
      quality: random.chance(0.08),
      close: random.chance(0.94),
      cap: this.profile.historyCap ? random.weighted(this.profile.historyCap) : Infinity,
    };
  }

  private noteCommand(simCase: SimCase, command: CaseCommand): void {
    switch (command.type) {
      case 'AssignCase':
        simCase.assignee = this.staff.backoffice.find((actor) => actor.id === command.data.backofficeId)!;
        break;
      case 'ReviewTypification':
        if (!command.data.consistent) simCase.returnsDone += 1;
        break;
      case 'RequestInformation':
        simCase.infoRequested = true;
        break;
      case 'ExtendDeadline':
        simCase.extended = true;
        break;
      case 'SendResponse':
        if (command.data.outcome === 'pending') simCase.pendingSent = true;
        break;
      case 'ReceiveCounterReply':
        simCase.counterReplies += 1;
        break;
      case 'ReviewQuality':
        simCase.qualityReviewed = true;
        break;
      default:
        break;
    }
  }

  /** The case's next command and when it happens, from its state and plan; null when its life is over. */
  private planNext(simCase: SimCase, nowMs: number): { atMs: number; command: CaseCommand } | null {
    const state = simCase.state;
    if (state.status === 'none') return null;
    const plan = simCase.plan;
    const random = this.random;
    const later = (minHours: number, maxHours: number) => officeHours(nowMs + random.between(minHours, maxHours) * HOUR, random);
    const make = (atMs: number, actor: Actor, type: CaseCommand['type'], data: unknown) =>
      ({ atMs, command: { type, data, actor, at: toOffsetIso(new Date(atMs)) } as CaseCommand });
    const supervisor = () => random.pick(this.staff.supervisors);
    const assignee = simCase.assignee!;

    switch (state.status) {
      case 'filed':
        if (plan.transfer) return make(later(2, 40), supervisor(), 'TransferCase', { entity: random.pick(catalog.TRANSFER_ENTITIES), entityEmail: 'radicacion@entidad.gov.co', reason: 'Falta de competencia' });
        if (plan.earlyClose) return make(later(4, 48), supervisor(), 'CloseCase', { reason: random.pick(catalog.CLOSE_REASONS_EARLY) });
        return make(later(1, 30), supervisor(), 'AssignCase', { backofficeId: random.pick(this.staff.backoffice).id });
      case 'assigned': {
        if (plan.reassign && !simCase.reassigned) {
          const other = random.pick(this.staff.backoffice.filter((actor) => actor.id !== state.assigneeId));
          simCase.reassigned = true;
          return make(later(4, 48), supervisor(), 'AssignCase', { backofficeId: other.id });
        }
        const consistent = simCase.returnsDone >= plan.returns;
        return make(later(1, 20), assignee, 'ReviewTypification', consistent ? { consistent: true, reason: null } : { consistent: false, reason: random.pick(catalog.RETURN_REASONS) });
      }
      case 'returned': {
        const agent = this.staff.agents.find((actor) => actor.id === state.typifiedBy) ?? simCase.filer;
        const { typology, motive } = catalog.pickTypology(random);
        const kind = random.chance(0.5) ? state.typification.kind : random.pick(['complaint', 'claim', 'petition'] as const);
        return make(later(2, 30), agent, 'RetypifyCase', { kind, typology, motive });
      }
      case 'in_progress': {
        if (plan.infoRequest && !simCase.infoRequested) {
          return make(later(12, 72), assignee, 'RequestInformation', { message: random.pick(catalog.INFORMATION_REQUESTS) });
        }
        if (plan.extend && !simCase.extended) {
          const atMs = later(24, 96);
          const allowed = state.legalTermDays - state.extendedBusinessDays;
          if (atMs < Date.parse(state.dueAt) && allowed >= 1) {
            const businessDays = Math.min(allowed, random.int(5, state.legalTermDays));
            return make(atMs, assignee, 'ExtendDeadline', { businessDays, reason: random.pick(catalog.EXTENSION_REASONS) });
          }
          simCase.extended = true;
        }
        return this.response(simCase, state, nowMs);
      }
      case 'awaiting_information':
        if (plan.infoArrives) {
          return make(later(24, 240), assignee, 'ReceiveInformation', { summary: 'El cliente envió los soportes solicitados', channel: random.pick(['email', 'web', 'phone'] as const) });
        }
        return make(later(30 * 24, 35 * 24), supervisor(), 'CloseCase', { reason: catalog.CLOSE_REASON_NO_INFORMATION });
      case 'responded': {
        if (state.outcome === 'pending') return this.response(simCase, state, nowMs);
        const windowEnd = Date.parse(state.counterReplyDeadline);
        if (plan.counterReply && simCase.counterReplies === 0) {
          const atMs = Math.min(later(3, 60), windowEnd - HOUR);
          if (atMs > nowMs) {
            return make(atMs, assignee, 'ReceiveCounterReply', { summary: random.pick(catalog.COUNTER_REPLIES), channel: 'email' });
          }
        }
        if (plan.survey && !state.surveyAnswered) {
          return make(later(6, 72), random.pick(this.staff.agents), 'AnswerSurvey', surveyData(random));
        }
        if (plan.close) {
          return make(officeHours(windowEnd + random.between(24, 240) * HOUR, random), supervisor(), 'CloseCase', { reason: random.pick(catalog.CLOSE_REASONS_RESOLVED) });
        }
        return this.qualityReview(simCase, later(24, 240));
      }
      case 'resolved_first_line':
        if (plan.survey && !state.surveyAnswered) return make(later(1, 48), simCase.filer, 'AnswerSurvey', surveyData(random));
        return this.qualityReview(simCase, later(24, 240));
      case 'transferred':
      case 'closed':
        return this.qualityReview(simCase, later(24, 240));
      default:
        return null;
    }
  }

  private response(simCase: SimCase, state: FiledCase, nowMs: number): { atMs: number; command: CaseCommand } {
    const random = this.random;
    const plan = simCase.plan;
    const pending = plan.pendingFirst && !simCase.pendingSent;
    const target = Date.parse(state.filedAt) + plan.responseDays * DAY;
    const soonest = nowMs + (simCase.counterReplies > 0 || (state.status === 'responded') ? random.between(48, 168) : random.between(4, 48)) * HOUR;
    const atMs = officeHours(pending ? soonest : Math.max(target, soonest), random);
    const outcome = pending ? 'pending' : 'resolved';
    const body = random.pick(pending ? catalog.RESPONSES_PENDING : catalog.RESPONSES_RESOLVED);
    return { atMs, command: { type: 'SendResponse', data: { body, outcome, decision: 'favourable' }, actor: simCase.assignee!, at: toOffsetIso(new Date(atMs)) } };
  }

  private qualityReview(simCase: SimCase, atMs: number): { atMs: number; command: CaseCommand } | null {
    if (!simCase.plan.quality || simCase.qualityReviewed) return null;
    const random = this.random;
    return {
      atMs,
      command: { type: 'ReviewQuality', data: { score: random.int(60, 100), findings: random.pick(catalog.QUALITY_FINDINGS) }, actor: random.pick(this.staff.quality), at: toOffsetIso(new Date(atMs)) },
    };
  }
}

/** The events of a decided command with the metadata the API writes (see CaseCommandService.withMetadata). */
export function withMetadata(decided: DecidedCommand): NewEvent[] {
  const { command } = decided;
  const commandId = randomUUID();
  const correlationId = randomUUID();
  return decided.events.map((event) => ({
    type: event.type,
    data: event.data as unknown as Record<string, unknown>,
    metadata: {
      eventId: randomUUID(),
      schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[event.type],
      correlationId,
      causationId: commandId,
      actorId: command.actor.id,
      actorRoles: [...command.actor.roles],
      occurredAt: command.at,
      commandId,
      commandType: command.type,
    },
  }));
}

/** Moves an instant into office hours (Mon-Fri 08:00-18:00 Bogotá), at a random minute of the opening hours. */
function officeHours(ms: number, random: Random): number {
  const local = new Date(ms + BOGOTA_OFFSET);
  const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
  let dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - BOGOTA_OFFSET;
  let result = ms;
  if (hour >= 18) dayStart += DAY;
  if (hour < 8 || hour >= 18) result = dayStart + (8 + random.between(0, 2)) * HOUR;
  const weekday = new Date(result + BOGOTA_OFFSET).getUTCDay();
  if (weekday === 6) result += 2 * DAY;
  if (weekday === 0) result += DAY;
  return Math.round(result / 1000) * 1000;
}

function surveyData(random: Random) {
  return { score: random.weighted([[5, 40], [4, 28], [3, 14], [2, 8], [1, 10]] as const), comment: random.pick(catalog.SURVEY_COMMENTS), via: 'agent' as const };
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function verificationCode(random: Random): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[Math.floor(random.next() * CODE_ALPHABET.length)];
  return code;
}

/** A binary min-heap of cases by the time of their next step (ties in insertion order). */
class TimeHeap {
  private readonly times: number[] = [];
  private readonly order: number[] = [];
  private readonly values: SimCase[] = [];
  private inserted = 0;

  push(time: number, value: SimCase): void {
    this.times.push(time);
    this.order.push(this.inserted++);
    this.values.push(value);
    let index = this.times.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.less(index, parent)) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  peekTime(): number {
    return this.times.length === 0 ? Infinity : this.times[0];
  }

  pop(): SimCase | undefined {
    if (this.times.length === 0) return undefined;
    const top = this.values[0];
    const last = this.times.length - 1;
    this.swap(0, last);
    this.times.pop();
    this.order.pop();
    this.values.pop();
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.times.length && this.less(left, smallest)) smallest = left;
      if (right < this.times.length && this.less(right, smallest)) smallest = right;
      if (smallest === index) break;
      this.swap(index, smallest);
      index = smallest;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.times[a] < this.times[b] || (this.times[a] === this.times[b] && this.order[a] < this.order[b]);
  }

  private swap(a: number, b: number): void {
    [this.times[a], this.times[b]] = [this.times[b], this.times[a]];
    [this.order[a], this.order[b]] = [this.order[b], this.order[a]];
    [this.values[a], this.values[b]] = [this.values[b], this.values[a]];
  }
}
