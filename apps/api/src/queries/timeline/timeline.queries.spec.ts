import { NotFoundException } from '@nestjs/common';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { CASES_COLLECTION, CaseTimeline, hashVerificationCode, TIMELINES_COLLECTION } from '@app/projections';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { ReadModelFreshness } from '@app/runtime';
import { GetCustomerTimelineHandler, GetCustomerTimelineQuery, GetTimelineHandler, GetTimelineQuery } from './timeline.queries';

const CASE_ID = '6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f';
const FILING_NUMBER = '2026-000042';
const CODE = 'K7P2QX';

const timeline: CaseTimeline = {
  caseId: CASE_ID,
  filingNumber: FILING_NUMBER,
  verificationCodeHash: hashVerificationCode(CODE),
  entries: [
    { position: 1, revision: 0, at: '2026-03-02T10:00:00-05:00', type: 'CaseFiled', actorId: 'agent-1', channel: 'phone', description: 'Caso radicado', customerVisible: true },
    { position: 2, revision: 1, at: '2026-03-02T10:01:00-05:00', type: 'CaseTypified', actorId: 'agent-1', channel: 'internal', description: 'Caso tipificado', customerVisible: false },
  ],
};

describe('timeline queries: the steps from the timeline, the status from the case view', () => {
  let readStore: SqliteReadStore;
  let eventStore: SqliteEventStore;
  let staff: GetTimelineHandler;
  let customer: GetCustomerTimelineHandler;

  beforeEach(async () => {
    readStore = new SqliteReadStore({ filename: ':memory:' });
    eventStore = new SqliteEventStore({ filename: ':memory:' });
    await readStore.ensureCollections([
      { name: TIMELINES_COLLECTION, indexes: [{ fields: ['filingNumber'], unique: true }] },
      { name: CASES_COLLECTION, indexes: [] },
    ]);
    await readStore.commit('case-timeline', [{ collection: TIMELINES_COLLECTION, id: CASE_ID, position: 2, data: timeline as unknown as Record<string, unknown> }], { version: 2, position: 2 });
    staff = new GetTimelineHandler(readStore, new ReadModelFreshness(readStore, eventStore));
    customer = new GetCustomerTimelineHandler(readStore);
  });

  afterEach(async () => {
    await readStore.close();
    await eventStore.close();
  });

  const caseViewSays = (status: string) =>
    readStore.commit('case-view', [{ collection: CASES_COLLECTION, id: CASE_ID, position: 2, data: { caseId: CASE_ID, filingNumber: FILING_NUMBER, status } }], { version: 3, position: 2 });

  it('given a case view, then staff get its status with every step', async () => {
    await caseViewSays('in_progress');
    await expect(staff.execute(new GetTimelineQuery(CASE_ID))).resolves.toEqual({ caseId: CASE_ID, filingNumber: FILING_NUMBER, status: 'in_progress', entries: timeline.entries });
  });

  it('given a case view, then the customer gets its status and the visible steps only', async () => {
    await caseViewSays('responded');
    await expect(customer.execute(new GetCustomerTimelineQuery(FILING_NUMBER, CODE))).resolves.toEqual({
      filingNumber: FILING_NUMBER,
      status: 'responded',
      entries: [{ at: timeline.entries[0].at, channel: 'phone', description: 'Caso radicado' }],
    });
  });

  it('given a timeline whose case view is not there yet, then both routes answer that the case is not found', async () => {
    await expect(staff.execute(new GetTimelineQuery(CASE_ID))).rejects.toMatchObject({ code: 'CASE.NOT_FOUND' });
    await expect(customer.execute(new GetCustomerTimelineQuery(FILING_NUMBER, CODE))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('given a wrong code, then the customer gets not found even though the case exists', async () => {
    await caseViewSays('responded');
    await expect(customer.execute(new GetCustomerTimelineQuery(FILING_NUMBER, 'WRONG1'))).rejects.toBeInstanceOf(NotFoundException);
  });
});
