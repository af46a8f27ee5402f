import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { timingSafeEqual } from 'node:crypto';
import { BusinessCalendar, CaseErrors } from '@app/domain';
import type { CaseDecider } from '@app/domain';
import { CASES_COLLECTION, CaseTimeline, caseTimelineProjection, CaseView, caseViewProjection, hashVerificationCode, TIMELINES_COLLECTION, TimelineEntry } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { CASE_DECIDER, Clock, ReadModelFreshness, toOffsetIso } from '@app/runtime';
import { ActorNames, WithActorName } from '../../read-side/actor-names';
import { legalClockOf } from '../case-view/legal-clock';
import { CustomerTimeline, customerTimelineOf } from './customer-case-view';

export type { CustomerTimeline } from './customer-case-view';

export interface StaffTimeline {
  caseId: string;
  filingNumber: string;
  status: string;
  entries: WithActorName<TimelineEntry>[];
}

export class GetTimelineQuery {
  constructor(
    readonly caseId: string,
    readonly minPosition?: number,
  ) {}
}

export class GetCustomerTimelineQuery {
  constructor(
    readonly filingNumber: string,
    readonly code: string,
  ) {}
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, StaffTimeline> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly actorNames: ActorNames,
  ) {}

  async execute({ caseId, minPosition }: GetTimelineQuery): Promise<StaffTimeline> {
    await this.freshness.waitFor(minPosition, [caseTimelineProjection.name, caseViewProjection.name]);
    // Both by the case id: read together (one round trip's wait on MongoDB instead of two).
    const [found, status] = await Promise.all([this.readStore.get<CaseTimeline>(TIMELINES_COLLECTION, caseId), statusOf(this.readStore, caseId)]);
    if (!found || !status) throw CaseErrors.notFound();
    const { filingNumber, entries } = found.data;
    return { caseId, filingNumber, status, entries: await this.actorNames.name(entries) };
  }
}

/**
 * The customer's view: customer-visible steps only, no staff identities; a wrong code is the same 404
 * as an unknown number. From the read models only: the timeline and the case view hold the texts
 * decrypted (the projector read them through the event store's decryption).
 */
@QueryHandler(GetCustomerTimelineQuery)
export class GetCustomerTimelineHandler implements IQueryHandler<GetCustomerTimelineQuery, CustomerTimeline> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CASE_DECIDER) private readonly decider: CaseDecider,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async execute({ filingNumber, code }: GetCustomerTimelineQuery): Promise<CustomerTimeline> {
    const { timeline, view } = await verifyCustomerCase(this.readStore, filingNumber, code);
    const now = this.clock.now();
    return customerTimelineOf(timeline, view, legalClockOf(view, now, this.calendar), this.decider, toOffsetIso(now));
  }
}

/**
 * The customer's case, given its filing number and verification code (`/public/*`); a wrong code is
 * the same 404 as an unknown number. Compared in constant time, and compared even for an unknown
 * number, so that timing tells neither the code nor which numbers exist.
 */
export async function verifyCustomerCase(readStore: ReadStore, filingNumber: string, code: string): Promise<{ timeline: CaseTimeline; view: CaseView }> {
  const page = await readStore.find<CaseTimeline>(TIMELINES_COLLECTION, {
    where: [{ field: 'filingNumber', op: 'eq', value: filingNumber }],
    limit: 1,
  });
  const timeline = page.items[0]?.data;
  const matches = sameHash(timeline?.verificationCodeHash ?? NO_CASE_HASH, hashVerificationCode(code));
  const view = timeline && matches ? await viewOf(readStore, timeline.caseId) : null;
  if (!timeline || !view) {
    throw new NotFoundException({ code: 'CASE.NOT_FOUND', message: 'No case with that filing number and verification code' });
  }
  return { timeline, view };
}

/** The case as it stands (the timeline keeps the steps only); null until the case view has the case. */
async function viewOf(readStore: ReadStore, caseId: string): Promise<CaseView | null> {
  return (await readStore.get<CaseView>(CASES_COLLECTION, caseId))?.data ?? null;
}

/** The case's status, from its view. */
async function statusOf(readStore: ReadStore, caseId: string): Promise<string | null> {
  return (await viewOf(readStore, caseId))?.status ?? null;
}

/** Stands in for the hash of a case that does not exist: no code hashes to it. */
const NO_CASE_HASH = '00'.repeat(32);

function sameHash(expectedHex: string, actualHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const actual = Buffer.from(actualHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
