import { HISTORIES } from '@app/domain/testing/case-histories';
import type { CaseEvent, ResponseDecision } from '@app/domain';
import type { ProjectionEvent } from '../projection';
import { project, recordCaseEvents } from '../testing/project';
import type { ReportDay, ReportMonthTotals } from './report-day';
import { planReportReads } from './report-reads';
import { ReportPeriod, summarizeReport } from './report-summary';
import { REPORT_DAYS_COLLECTION, REPORT_MONTH_TOTALS_COLLECTION, REPORT_MONTHS_COLLECTION, ReportMonth, reportsProjection } from './reports.projection';

const ids = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-00000000000d'];

/** Four cases filed on 2 March 2026: resolved by backoffice, resolved at first line, answered pending, returned to its agent. */
function marchEvents(): ProjectionEvent[] {
  const histories: CaseEvent[][] = [HISTORIES.responded_resolved, HISTORIES.resolved_first_line, HISTORIES.responded_pending, HISTORIES.returned];
  return histories.flatMap((history, index) => recordCaseEvents(ids[index], history.map((e) => (e.type === 'CaseFiled' ? { ...e, data: { ...e.data, caseId: ids[index] } } : e)) as CaseEvent[], 100 * (index + 1)));
}

function reportDocuments(events: ProjectionEvent[]) {
  const { byCollection } = project(reportsProjection, events);
  return {
    days: Object.values(byCollection[REPORT_DAYS_COLLECTION] ?? {}) as ReportDay[],
    totals: Object.values(byCollection[REPORT_MONTH_TOTALS_COLLECTION] ?? {}) as ReportMonthTotals[],
    months: Object.values(byCollection[REPORT_MONTHS_COLLECTION] ?? {}) as ReportMonth[],
  };
}

const within = (value: string, { from, to }: ReportPeriod) => value >= from && value <= to;

/** The report as the query reads it: the documents `planReportReads` names, nothing else. */
function reportFor(from: string, to: string, events = marchEvents()) {
  const { days, totals, months } = reportDocuments(events);
  const reads = planReportReads({ from, to });
  const parts = [
    ...totals.filter((month) => reads.months && within(month.month, reads.months)),
    ...days.filter((day) => reads.days.some((range) => within(day.date, range))),
  ];
  const openBefore = [
    ...months.filter((month) => month.month <= reads.monthsBeforeUpTo),
    ...days.filter((day) => reads.daysBefore && within(day.date, reads.daysBefore)),
  ].reduce((sum, counted) => sum + counted.openDelta, 0);
  return summarizeReport({ from, to }, parts, openBefore, 55);
}

/** Every canned history, one case each, plus cases the same agent resolved on 9 March (two more), 10 March and 1 April. */
function manyEvents(): ProjectionEvent[] {
  const histories = Object.values(HISTORIES).filter((history) => history.length > 0);
  const respondedOn = (date: string) =>
    HISTORIES.responded_resolved.map((e) => (e.type === 'ResponseSent' ? ({ ...e, data: { ...e.data, respondedAt: `${date}T10:00:00-05:00` } } as CaseEvent) : e));
  histories.push(respondedOn('2026-03-09'), respondedOn('2026-03-09'), respondedOn('2026-03-10'), respondedOn('2026-04-01'));
  return histories.flatMap((history, index) => {
    const caseId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    const filed = history.map((e) => (e.type === 'CaseFiled' ? ({ ...e, data: { ...e.data, caseId } } as CaseEvent) : e));
    return recordCaseEvents(caseId, filed, 100 * (index + 1));
  });
}

describe('reports projection and summary', () => {
  it('given four cases in March, then the month report has every figure of DOMAIN.md', () => {
    expect(reportFor('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      filed: 4,
      resolvedAtFirstLine: 1,
      resolvedByBackoffice: 1,
      respondedPending: 1,
      reopened: 0,
      pendingAtEnd: 2,
      closed: 0,
      transferred: 0,
      byKind: { claim: { filed: 3, resolved: 1 }, inquiry: { filed: 1, resolved: 1 } },
      byTypology: { billing: { filed: 3, resolved: 1 }, 'general-information': { filed: 1, resolved: 1 } },
      byChannel: { phone: { filed: 4, resolved: 2 } },
      decisionsByTypology: { billing: { favourable: 1, partial: 0, unfavourable: 0 } },
      withdrawn: 0,
      deadlines: { met: 2, missed: 0, complianceRate: 1, firstResponsesOverdue: 0 },
      averageHoursToFirstResponse: 168,
      averageHoursToResolution: 168,
      returnsToAgent: { 'agent-ana': 1 },
      backofficeProductivity: [{ backofficeId: 'bo-beto', resolved: 1, activeDays: 1, averagePerActiveDay: 1, dailyTarget: 55, meetsTarget: false }],
      satisfaction: { responses: 0, average: null },
    });
  });

  it('given the March cases, then April starts with the two still pending and nothing new', () => {
    expect(reportFor('2026-04-01', '2026-04-30')).toMatchObject({ filed: 0, pendingAtEnd: 2, resolvedByBackoffice: 0 });
  });

  it('given a range that ends before the responses, then the cases are still pending at its end', () => {
    expect(reportFor('2026-03-02', '2026-03-05')).toMatchObject({ filed: 4, pendingAtEnd: 3, resolvedAtFirstLine: 1, resolvedByBackoffice: 0 });
  });

  it('given a response after the deadline, then it counts as missed', () => {
    const late = recordCaseEvents(ids[0], HISTORIES.responded_resolved.map((e) =>
      e.type === 'ResponseSent' ? ({ ...e, data: { ...e.data, respondedAt: '2026-03-27T10:00:00-05:00' } } as CaseEvent) : e,
    ));
    expect(reportFor('2026-03-01', '2026-03-31', late).deadlines).toEqual({ met: 0, missed: 1, complianceRate: 0, firstResponsesOverdue: 0 });
  });

  it('given ResolutionOverdue recorded before a late resolution, then the deadline counts as missed once, on the day of the fact', () => {
    const overdue: CaseEvent = { type: 'ResolutionOverdue', data: { dueAt: '2026-03-03T13:00:00.000-05:00', detectedBy: 'system:sla', detectedAt: '2026-03-03T13:00:01-05:00' } };
    const firstResponseOverdue: CaseEvent = { type: 'FirstResponseOverdue', data: { dueAt: '2026-03-03T13:00:00.000-05:00', detectedBy: 'system:sla', detectedAt: '2026-03-03T13:00:01-05:00' } };
    const [filed, typified, assigned, confirmed, responded] = HISTORIES.responded_resolved;
    const events = recordCaseEvents(ids[0], [filed, typified, assigned, confirmed, firstResponseOverdue, overdue, responded]);
    expect(reportFor('2026-03-01', '2026-03-31', events).deadlines).toEqual({ met: 0, missed: 1, complianceRate: 0, firstResponsesOverdue: 1 });
    expect(reportFor('2026-03-03', '2026-03-03', events).deadlines.missed).toBe(1);
  });

  it('given a tacit withdrawal, then it is counted and the case is no longer pending', () => {
    const withdrawn: CaseEvent = {
      type: 'CaseWithdrawn',
      // withdrawnAt first: the test recorder takes the first `…At` of the data as the instant it happened.
      data: { withdrawnAt: '2026-04-07T00:00:01-05:00', reason: 'art. 17', informationRequestedAt: '2026-03-05T10:00:00-05:00', dueAt: '2026-04-06T23:59:59.999-05:00', withdrawnBy: 'system:sla' },
    };
    const events = recordCaseEvents(ids[0], [...HISTORIES.awaiting_information, withdrawn]);
    expect(reportFor('2026-04-01', '2026-04-30', events)).toMatchObject({ withdrawn: 1, pendingAtEnd: 0 });
  });

  it('given every canned history, then each month read from its totals equals its days added up', () => {
    const { days, totals } = reportDocuments(manyEvents());
    expect(totals.map((month) => month.month).sort()).toEqual(['2026-03', '2026-04']);
    for (const month of totals) {
      const period = { from: `${month.month}-01`, to: `${month.month}-31` };
      const daysOfMonth = days.filter((day) => day.date.startsWith(month.month));
      expect(summarizeReport(period, [month], 0, 55)).toEqual(summarizeReport(period, daysOfMonth, 0, 55));
    }
  });

  it('given one agent resolving three cases on 9 March, one on the 10th and one on 1 April, then each period counts the days they were active', () => {
    expect(reportFor('2026-03-01', '2026-03-31', manyEvents()).backofficeProductivity).toEqual([
      { backofficeId: 'bo-beto', resolved: 4, activeDays: 2, averagePerActiveDay: 2, dailyTarget: 55, meetsTarget: false },
    ]);
    expect(reportFor('2026-03-09', '2026-04-01', manyEvents()).backofficeProductivity).toEqual([
      { backofficeId: 'bo-beto', resolved: 5, activeDays: 3, averagePerActiveDay: 1.67, dailyTarget: 55, meetsTarget: false },
    ]);
  });

  it('given a range across months, then whole months and loose days add up to the days alone', () => {
    const events = manyEvents();
    const { days } = reportDocuments(events);
    const byDays = (from: string, to: string) => summarizeReport({ from, to }, days.filter((day) => within(day.date, { from, to })), 0, 55);
    for (const [from, to] of [['2026-03-01', '2026-04-30'], ['2026-03-05', '2026-04-01'], ['2026-02-01', '2026-03-31'], ['2026-03-10', '2026-03-10']]) {
      expect({ ...reportFor(from, to, events), pendingAtEnd: 0 }).toEqual({ ...byDays(from, to), pendingAtEnd: 0 });
    }
  });

  it('given agents named like members of Object.prototype, then their resolutions, active days and returns are counted as anyone’s', () => {
    const byAgent = (agentId: string) => (e: CaseEvent): CaseEvent => {
      if (e.type === 'ResponseSent') return { ...e, data: { ...e.data, respondedBy: agentId } };
      if (e.type === 'CaseReturnedToAgent') return { ...e, data: { ...e.data, agentId } };
      return e;
    };
    const histories = [
      HISTORIES.responded_resolved.map(byAgent('__proto__')),
      HISTORIES.responded_resolved.map(byAgent('__proto__')),
      HISTORIES.responded_resolved.map(byAgent('constructor')),
      HISTORIES.returned.map(byAgent('toString')),
    ];
    const events = histories.flatMap((history, index) => {
      const caseId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      return recordCaseEvents(caseId, history.map((e) => (e.type === 'CaseFiled' ? ({ ...e, data: { ...e.data, caseId } } as CaseEvent) : e)), 100 * (index + 1));
    });
    const report = reportFor('2026-03-01', '2026-03-31', events);
    expect(report.backofficeProductivity.map(({ backofficeId, resolved, activeDays }) => [backofficeId, resolved, activeDays])).toEqual([
      ['__proto__', 2, 1],
      ['constructor', 1, 1],
    ]);
    expect(Object.entries(report.returnsToAgent)).toEqual([['toString', 1]]);
  });

  describe('given cases reopened by a counter-reply (issue 22)', () => {
    const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00-05:00`;
    const response = (outcome: 'resolved' | 'pending', respondedBy: string, day: number, decision: ResponseDecision = 'favourable'): CaseEvent =>
      ({
        type: 'ResponseSent',
        data: { body: 'Respuesta', outcome, decision, decisionReason: decision === 'favourable' ? null : 'Motivo', respondedBy, respondedAt: at(day), counterReplyDeadline: at(day + 3) },
      }) as CaseEvent;
    const counterReply = (day: number): CaseEvent =>
      ({ type: 'CounterReplyReceived', data: { summary: 'No estoy de acuerdo', channel: 'phone', receivedBy: 'agent-ana', receivedAt: at(day), reopenedFor: 'bo-beto' } }) as CaseEvent;
    const reassigned = (to: string, day: number): CaseEvent =>
      ({ type: 'CaseAssigned', data: { backofficeId: to, previousBackofficeId: 'bo-beto', assignedBy: 'sup-sofia', assignedAt: at(day) } }) as CaseEvent;
    const [filed, typified, assigned, confirmed] = HISTORIES.in_progress;
    /** A: resolved by bo-beto, reopened, answered pending. B: pending, reopened, resolved by bo-carla. C: resolved by bo-beto, reopened, resolved again by bo-carla. */
    const histories: CaseEvent[][] = [
      [filed, typified, assigned, confirmed, response('resolved', 'bo-beto', 9), counterReply(10), response('pending', 'bo-beto', 11)],
      [filed, typified, assigned, confirmed, response('pending', 'bo-beto', 9), counterReply(10), reassigned('bo-carla', 10), response('resolved', 'bo-carla', 11)],
      [filed, typified, assigned, confirmed, response('resolved', 'bo-beto', 9), counterReply(10), reassigned('bo-carla', 10), response('resolved', 'bo-carla', 11)],
    ];
    const events = () =>
      histories.flatMap((history, index) =>
        recordCaseEvents(ids[index], history.map((e) => (e.type === 'CaseFiled' ? ({ ...e, data: { ...e.data, caseId: ids[index] } } as CaseEvent) : e)), 100 * (index + 1)),
      );

    it('then a case reopened and answered pending is counted pending, not resolved too, and the resolved ones once each', () => {
      const report = reportFor('2026-03-01', '2026-03-31', events());
      expect(report).toMatchObject({ filed: 3, resolvedByBackoffice: 2, respondedPending: 1, pendingAtEnd: 1 });
      expect(report.byKind.claim).toEqual({ filed: 3, resolved: 2 });
    });

    it('then the resolutions per agent add up to the total, the reopened resolution counted for nobody', () => {
      const report = reportFor('2026-03-01', '2026-03-31', events());
      const perAgent = Object.fromEntries(report.backofficeProductivity.map(({ backofficeId, resolved }) => [backofficeId, resolved]));
      expect(perAgent).toEqual({ 'bo-beto': 0, 'bo-carla': 2 });
      expect(report.backofficeProductivity.reduce((total, agent) => total + agent.resolved, 0)).toBe(report.resolvedByBackoffice);
    });

    it('then the decisions count the resolutions that stood at the end of the period, per typology (issue 28)', () => {
      expect(reportFor('2026-03-01', '2026-03-31', events()).decisionsByTypology).toEqual({ billing: { favourable: 2, partial: 0, unfavourable: 0 } });
      expect(reportFor('2026-03-09', '2026-03-09', events()).decisionsByTypology).toEqual({ billing: { favourable: 2, partial: 0, unfavourable: 0 } });
      expect(reportFor('2026-03-10', '2026-03-10', events()).decisionsByTypology).toEqual({ billing: { favourable: -2, partial: 0, unfavourable: 0 } });
    });

    it('then each day stands as the cases stood at its end: resolved on the 9th, reopened on the 10th', () => {
      expect(reportFor('2026-03-09', '2026-03-09', events())).toMatchObject({ resolvedByBackoffice: 2, respondedPending: 1, reopened: 0 });
      expect(reportFor('2026-03-01', '2026-03-10', events())).toMatchObject({ resolvedByBackoffice: 0, respondedPending: 0, pendingAtEnd: 3, reopened: 2 });
    });
  });

  it('given resolutions decided each way and one recorded before decisions (v1), then each decision is counted under its typology and the v1 one under none', () => {
    const decided = (decision: ResponseDecision | null, typology: string) =>
      HISTORIES.responded_resolved.map((e) => {
        if (e.type === 'ResponseSent') return { ...e, data: { ...e.data, decision, decisionReason: decision && decision !== 'favourable' ? 'Motivo' : null } } as CaseEvent;
        if (e.type === 'CaseTypified') return { ...e, data: { ...e.data, typology } } as CaseEvent;
        return e;
      });
    const histories = [decided('favourable', 'billing'), decided('unfavourable', 'billing'), decided('partial', 'general-information'), decided(null, 'billing')];
    const events = histories.flatMap((history, index) =>
      recordCaseEvents(ids[index], history.map((e) => (e.type === 'CaseFiled' ? ({ ...e, data: { ...e.data, caseId: ids[index] } } as CaseEvent) : e)), 100 * (index + 1)),
    );
    const report = reportFor('2026-03-01', '2026-03-31', events);
    expect(report.decisionsByTypology).toEqual({
      billing: { favourable: 1, partial: 0, unfavourable: 1 },
      'general-information': { favourable: 0, partial: 1, unfavourable: 0 },
    });
    expect(report.resolvedByBackoffice).toBe(4);
  });

  it('given the same events twice, then nothing is counted twice', () => {
    const events = marchEvents();
    const once = project(reportsProjection, events);
    expect(project(reportsProjection, events, once.documents).byCollection).toEqual(once.byCollection);
  });
});
