import { NotFoundException } from '@nestjs/common';
import { BusinessCalendar, createCaseDecider } from '@app/domain';
import type { CaseEvent } from '@app/domain';
import { CASE_ID, HISTORIES } from '@app/domain/testing/case-histories';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { CASES_COLLECTION, caseTimelineProjection, caseViewProjection, TIMELINES_COLLECTION, USERS_COLLECTION, usersProjection } from '@app/projections';
import { project, recordCaseEvents } from '@app/projections/testing/project';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { ManualClock, ReadModelFreshness } from '@app/runtime';
import { ActorNames } from '../../read-side/actor-names';
import { GetCustomerTimelineHandler, GetCustomerTimelineQuery, GetTimelineHandler, GetTimelineQuery } from './timeline.queries';

const FILING_NUMBER = '2026-000042';
/** The verification code of the histories' filing. */
const CODE = String((HISTORIES.filed[0].data as { verificationCode: string }).verificationCode);

describe('timeline queries: the steps and responses from the timeline, the rest from the case view', () => {
  let readStore: SqliteReadStore;
  let eventStore: SqliteEventStore;
  let clock: ManualClock;
  let staff: GetTimelineHandler;
  let customer: GetCustomerTimelineHandler;

  beforeEach(async () => {
    readStore = new SqliteReadStore({ filename: ':memory:' });
    eventStore = new SqliteEventStore({ filename: ':memory:' });
    clock = new ManualClock(new Date('2026-03-10T15:00:00Z'));
    await readStore.ensureCollections([...caseTimelineProjection.collections, ...caseViewProjection.collections, ...usersProjection.collections]);
    const calendar = new BusinessCalendar();
    staff = new GetTimelineHandler(readStore, new ReadModelFreshness(readStore, eventStore), new ActorNames(readStore));
    customer = new GetCustomerTimelineHandler(readStore, createCaseDecider(calendar), clock, calendar);
  });

  afterEach(async () => {
    await readStore.close();
    await eventStore.close();
  });

  /** Stores what the two projections make of the history (the case view only when asked). */
  async function given(history: CaseEvent[], withView = true): Promise<void> {
    const events = recordCaseEvents(CASE_ID, history, 1, 'bo-beto');
    const position = events.length;
    const timeline = project(caseTimelineProjection, events).byCollection[TIMELINES_COLLECTION][CASE_ID];
    await readStore.commit('case-timeline', [{ collection: TIMELINES_COLLECTION, id: CASE_ID, position, data: timeline as unknown as Record<string, unknown> }], { version: caseTimelineProjection.version, position });
    if (!withView) return;
    const view = project(caseViewProjection, events).byCollection[CASES_COLLECTION][CASE_ID];
    await readStore.commit('case-view', [{ collection: CASES_COLLECTION, id: CASE_ID, position, data: view as unknown as Record<string, unknown> }], { version: caseViewProjection.version, position });
  }

  it('given a case view, then staff get its status with every step', async () => {
    await given(HISTORIES.in_progress);
    const timeline = await staff.execute(new GetTimelineQuery(CASE_ID));
    expect({ ...timeline, entries: timeline.entries.map((entry) => entry.type) }).toEqual({
      caseId: CASE_ID, filingNumber: FILING_NUMBER, status: 'in_progress', entries: ['CaseFiled', 'CaseTypified', 'CaseAssigned', 'TypificationConfirmed'],
    });
  });

  it('given the actor in the user directory, then each step shows their display name; an actor not in it, null', async () => {
    await given(HISTORIES.in_progress);
    const names = async () => new Set((await staff.execute(new GetTimelineQuery(CASE_ID))).entries.map((entry) => `${entry.actorId}=${entry.actorName}`));
    expect(await names()).toEqual(new Set(['bo-beto=null']));
    await readStore.commit('users', [{ collection: USERS_COLLECTION, id: 'bo-beto', position: 99, data: { userId: 'bo-beto', displayName: 'Beto Díaz' } }], { version: usersProjection.version, position: 99 });
    expect(await names()).toEqual(new Set(['bo-beto=Beto Díaz']));
  });

  it('given a case waiting on the customer, then the customer gets the open request, may answer it, and the due date is suspended', async () => {
    await given(HISTORIES.awaiting_information);
    await expect(customer.execute(new GetCustomerTimelineQuery(FILING_NUMBER, CODE))).resolves.toEqual({
      filingNumber: FILING_NUMBER,
      status: 'awaiting_information',
      statusLabel: 'En espera de su información',
      kind: 'claim',
      kindLabel: 'Reclamo',
      filedAt: '2026-03-02T10:00:00-05:00',
      dueAt: null,
      entries: [
        { at: '2026-03-02T10:00:00-05:00', channel: 'phone', description: 'Caso radicado con el número 2026-000042' },
        { at: '2026-03-05T10:00:00-05:00', channel: 'email', description: 'Se solicitó información adicional al cliente' },
      ],
      responses: [],
      informationRequest: { requestedAt: '2026-03-05T10:00:00-05:00', message: 'Adjunte la factura', answerBy: expect.stringMatching(/^2026-04-06T23:59:59/) },
      counterReplyDeadline: null,
      actions: { answerInformation: true, counterReply: false, answerSurvey: false },
    });
  });

  it('given a resolved response, then the customer reads it, may counter-reply until the deadline and answer the survey; after the window, the survey only', async () => {
    await given(HISTORIES.responded_resolved);
    const read = () => customer.execute(new GetCustomerTimelineQuery(FILING_NUMBER, CODE));
    expect(await read()).toMatchObject({
      status: 'responded',
      statusLabel: 'Respondido',
      dueAt: '2026-03-24T23:59:59.999-05:00',
      responses: [{ at: '2026-03-09T10:00:00-05:00', body: 'Reversamos el cobro', outcome: 'resolved' }],
      informationRequest: null,
      counterReplyDeadline: '2026-03-12T23:59:59.999-05:00',
      actions: { answerInformation: false, counterReply: true, answerSurvey: true },
    });
    clock.set('2026-03-13T15:00:00Z');
    expect((await read()).actions).toEqual({ answerInformation: false, counterReply: false, answerSurvey: true });
  });

  it('given a timeline whose case view is not there yet, then both routes answer that the case is not found', async () => {
    await given(HISTORIES.in_progress, false);
    await expect(staff.execute(new GetTimelineQuery(CASE_ID))).rejects.toMatchObject({ code: 'CASE.NOT_FOUND' });
    await expect(customer.execute(new GetCustomerTimelineQuery(FILING_NUMBER, CODE))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('given a wrong code, then the customer gets not found even though the case exists', async () => {
    await given(HISTORIES.responded_resolved);
    await expect(customer.execute(new GetCustomerTimelineQuery(FILING_NUMBER, 'WRONG1'))).rejects.toBeInstanceOf(NotFoundException);
  });
});
