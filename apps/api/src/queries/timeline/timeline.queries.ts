import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { timingSafeEqual } from 'node:crypto';
import { CaseErrors } from '@app/domain';
import { CASES_COLLECTION, CaseTimeline, caseTimelineProjection, CaseView, caseViewProjection, hashVerificationCode, TIMELINES_COLLECTION, TimelineEntry } from '@app/projections';
import { READ_STORE, ReadStore } from '@app/read-store';
import { ReadModelFreshness } from '@app/runtime';

export interface StaffTimeline {
  caseId: string;
  filingNumber: string;
  status: string;
  entries: TimelineEntry[];
}

export interface CustomerTimeline {
  filingNumber: string;
  status: string;
  entries: { at: string; channel: string; description: string }[];
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
  ) {}

  async execute({ caseId, minPosition }: GetTimelineQuery): Promise<StaffTimeline> {
    await this.freshness.waitFor(minPosition, [caseTimelineProjection.name, caseViewProjection.name]);
    // Both by the case id: read together (one round trip's wait on MongoDB instead of two).
    const [found, status] = await Promise.all([this.readStore.get<CaseTimeline>(TIMELINES_COLLECTION, caseId), statusOf(this.readStore, caseId)]);
    if (!found || !status) throw CaseErrors.notFound();
    const { filingNumber, entries } = found.data;
    return { caseId, filingNumber, status, entries };
  }
}

/** The customer's view: customer-visible steps only, no staff identities; a wrong code is the same 404 as an unknown number. */
@QueryHandler(GetCustomerTimelineQuery)
export class GetCustomerTimelineHandler implements IQueryHandler<GetCustomerTimelineQuery, CustomerTimeline> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filingNumber, code }: GetCustomerTimelineQuery): Promise<CustomerTimeline> {
    const { timeline, status } = await verifyCustomerCase(this.readStore, filingNumber, code);
    return {
      filingNumber: timeline.filingNumber,
      status,
      entries: timeline.entries.filter((entry) => entry.customerVisible).map(({ at, channel, description }) => ({ at, channel, description })),
    };
  }
}

/**
 * The customer's case, given its filing number and verification code (`/public/*`); a wrong code is
 * the same 404 as an unknown number. Compared in constant time, and compared even for an unknown
 * number, so that timing tells neither the code nor which numbers exist.
 */
export async function verifyCustomerCase(readStore: ReadStore, filingNumber: string, code: string): Promise<{ timeline: CaseTimeline; status: string }> {
  const page = await readStore.find<CaseTimeline>(TIMELINES_COLLECTION, {
    where: [{ field: 'filingNumber', op: 'eq', value: filingNumber }],
    limit: 1,
  });
  const timeline = page.items[0]?.data;
  const matches = sameHash(timeline?.verificationCodeHash ?? NO_CASE_HASH, hashVerificationCode(code));
  const status = timeline && matches ? await statusOf(readStore, timeline.caseId) : null;
  if (!timeline || !status) {
    throw new NotFoundException({ code: 'CASE.NOT_FOUND', message: 'No case with that filing number and verification code' });
  }
  return { timeline, status };
}

/** The case's status, from its view (the timeline keeps the steps only); null until the case view has the case. */
async function statusOf(readStore: ReadStore, caseId: string): Promise<string | null> {
  const view = await readStore.get<CaseView>(CASES_COLLECTION, caseId);
  return view?.data.status ?? null;
}

/** Stands in for the hash of a case that does not exist: no code hashes to it. */
const NO_CASE_HASH = '00'.repeat(32);

function sameHash(expectedHex: string, actualHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const actual = Buffer.from(actualHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
