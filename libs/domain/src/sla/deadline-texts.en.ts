import type { ReceiptReading } from '../calendar/calendar-config';
import type { CaseKind } from '../cases/case-kind';
import type { DueInstants } from './due-instants';
import { isAfter } from './pausable-clock';
import type { SlaTarget } from './sla-policy';
import type { DeadlineTexts, OverdueSubject, PolicyText } from './deadline-texts';

/** The deadline explanation in English (`?lang=en`). */
export const ENGLISH_DEADLINE_TEXTS: DeadlineTexts = {
  filed: ({ kind, channel, nonBusinessDate, termDays, legalDue, receipt }) => {
    const onNonBusinessDay = nonBusinessDate ? ` on a non-business day (${nonBusinessDate})` : '';
    return `Filed as ${label(kind)} on the ${channel} channel${onNonBusinessDay}: the legal term is ${termDays} business days from the day after ${receiptText(receipt)}, due ${legalDue}.`;
  },
  secondFiling: () => 'A second filing in the same history: ignored.',
  recordedNote: (recorded) => ` The event records the legal deadline as ${recorded}.`,
  assigned: (backofficeId) => `Assigned to ${backofficeId}: no effect on the clocks.`,
  typificationConfirmed: () => 'Typification confirmed: no effect on the clocks.',
  returned: (agentId) => `Returned to ${agentId} to re-typify: the clocks keep running.`,
  priorityChanged: ({ policy, dues }) => `Priority changed. ${policyLabel(policy)}: resolution due ${resolutionDue(dues)}.`,
  typified: (t) => {
    const typification = `${label(t.kind)} / ${t.typology} / ${t.motive}`;
    const parts = [t.isFirst ? `Typified as ${typification}.` : `Re-typified as ${typification} (the event carries no instant: shown at the previous event's).`];
    if (t.termChange) {
      const { termDays, previousTerm, legalDue } = t.termChange;
      parts.push(`The legal term becomes ${termDays} business days (it was ${previousTerm}), still counted from the filing: due ${legalDue}.`);
    }
    parts.push(`${policyLabel(t.policy)}: resolution within ${formatTarget(t.resolutionTarget)}, due ${resolutionDue(t.dues)}.`);
    parts.push(
      t.firstResponseTarget
        ? `First response within ${formatTarget(t.firstResponseTarget)}, due ${firstResponseDue(t.dues)}.`
        : `No first-response target on the ${t.channel} channel.`,
    );
    return parts.join(' ');
  },
  resolvedAtFirstLine: () => 'Resolved at first line: first response and resolution are met; the clocks stop.',
  informationRequested: (r) => {
    const legal = {
      expired: `Information requested after the legal deadline ${r.legalDueBefore}: an expired term cannot be paused; the case stays overdue.`,
      suspended: `Information requested from the customer (art. 17): the legal clock stops with ${r.businessDaysLeft} business days left.`,
      not_suspended: `Information requested after the ${r.requestTermDays} business days art. 17 allows (until ${r.requestDue}): the legal term is not suspended, still due ${r.legalDueBefore}.`,
    }[r.legal];
    const parts = [legal];
    parts.push(r.companyExpired ? 'The company resolution target had already passed: it does not pause.' : 'The company targets stop.');
    parts.push(`Without an answer by the end of ${r.tacitWithdrawalAfter} the petition is tacitly withdrawn (art. 17; the petitioner may ask for one more month).`);
    if (r.customerSilenceDueAt) parts.push(`The company marks this case outside Ley 1755: its silence rule closes it after ${r.customerSilenceDueAt} without an answer.`);
    if (r.requestedLate && r.legal === 'suspended') parts.push(`The request came after the ${r.requestTermDays} business days art. 17 allows (until ${r.requestDue}).`);
    return parts.join(' ');
  },
  informationPeriodExtended: ({ channel, previous, next, silenceRuleDropped }) =>
    `The petitioner asked (${channel}) for one more month to complete the information (art. 17): the tacit withdrawal moves from the end of ${previous} to the end of ${next}.` +
    (silenceRuleDropped ? ' The company silence rule no longer applies.' : ''),
  periodExtensionNotWaiting: () => 'No effect: the case was not waiting on the customer.',
  informationReceived: ({ legal, businessDaysLeft, dues, at, firstResponsePending }) => {
    const daysLeft = businessDaysLeft > 0 ? `the ${businessDaysLeft} business days left` : 'one business day (it was asked for on the last day)';
    const legalPart = {
      restarted: `the legal clock restarts the day after with ${daysLeft}, due ${dues.legal}`,
      expired: `the legal deadline ${dues.legal} had passed before the request and is not revived`,
      not_suspended: `the legal term was not suspended and stays due ${dues.legal}${passedNote(at, dues.legal)}`,
    }[legal];
    const firstResponsePart = firstResponsePending ? `; first response due ${firstResponseDue(dues)}${passedNote(at, dues.firstResponse)}` : '';
    return `Information received: ${legalPart}; resolution due ${resolutionDue(dues)}${passedNote(at, dues.resolution)}${firstResponsePart}.`;
  },
  noEffectNotWaiting: () => 'No effect: the clocks were not waiting on the customer.',
  noEffectStopped: () => 'No effect: the clocks had already stopped.',
  responseSent: ({ first, resolved, at, dues }) => {
    const parts: string[] = [];
    if (first) parts.push(dues.firstResponse ? `First response, ${timeliness(at, dues.firstResponse)}.` : 'First response.');
    parts.push(
      resolved
        ? `Resolved: company target ${timeliness(at, dues.resolution)}, legal deadline ${timeliness(at, dues.legal)}; the clocks stop.`
        : `Outcome pending: the clocks keep running (resolution due ${resolutionDue(dues)}; legal deadline ${dues.legal}).`,
    );
    return parts.join(' ');
  },
  counterReplyRunning: () => 'Counter-reply received: the clocks keep running.',
  counterReplyReopened: ({ legalDue, passed }) =>
    `Counter-reply received: the case reopens and its clocks run again against the same due instants, as the decider keeps dueAt (legal deadline ${legalDue}).` +
    (passed ? ' It has already passed: the case is overdue again.' : ''),
  extended: (e) => {
    const reason = `Reason given: "${e.reason}".`;
    if (!e.beforeDeadline) {
      return `Extension of ${e.businessDays} business days notified when the legal deadline ${e.previousDueAt} had passed: no effect (art. 14 par. requires it before). ${reason}`;
    }
    if (!e.withinLimit) {
      return `Extension of ${e.businessDays} business days exceeds what the law still allowed (${e.allowed}, the original ${e.termDays} at most): only ${e.applied} apply; legal deadline ${e.previousDueAt} → ${e.newDueAt}. ${reason}`;
    }
    return `Deadline extended by ${e.businessDays} business days (art. 14 par.): legal deadline ${e.previousDueAt} → ${e.newDueAt}; ${e.allowed - e.applied} more may still be added. ${reason}`;
  },
  transferred: ({ entity, termDays, dueAt, late }) => {
    const timing = late
      ? `Late: art. 21 asks for it within ${termDays} business days of filing, by ${dueAt}.`
      : `On time: within ${termDays} business days of filing (by ${dueAt}).`;
    return `Transferred to ${entity} (art. 21): our legal clock ends here. ${timing}`;
  },
  closedAfterStop: ({ reason, at }) => `Case closed; its clocks had already stopped (${reason} at ${at}).`,
  closed: () => 'Case closed without a resolved response: the clocks stop.',
  withdrawn: (by) => `Tacitly withdrawn (art. 17): no answer to the information request${by ? ` by the end of ${by}` : ''}; the clocks stop.`,
  noEffectOnDeadlines: () => 'No effect on the deadlines.',
  overdueRecorded: (dueAt) => `Recorded by the SLA process (due ${dueAt}): no effect on the clocks.`,
  overduePredicted: ({ subject, dueAt, metAt }) => {
    const { what, met } = OVERDUE_SUBJECTS[subject];
    const outcome = metAt ? `it was ${met} late, at ${metAt}` : `it was not ${met} in time`;
    return `${what} was due by ${dueAt}; ${outcome}.`;
  },
  target: formatTarget,
};

const OVERDUE_SUBJECTS: Record<OverdueSubject, { what: string; met: string }> = {
  firstResponse: { what: 'The first response', met: 'sent' },
  resolution: { what: 'The company resolution target', met: 'resolved' },
  legal: { what: 'The legal deadline (Ley 1755 de 2015, art. 14)', met: 'resolved' },
};

export function formatTarget({ amount, unit }: SlaTarget): string {
  const noun = unit === 'business_days' ? 'day' : 'hour';
  return `${amount} business ${noun}${amount === 1 ? '' : 's'}`;
}

function receiptText({ reading, receivedOn }: { reading: ReceiptReading; receivedOn: string | null }): string {
  if (reading === 'filing_day') return 'filing (receipt reading: filing_day, counted from the day of filing whatever its day or hour)';
  const moved = receivedOn ? `, received ${receivedOn}` : '';
  return `receipt (receipt reading: next_business_day, a filing on a non-business day or after business hours is received the next business day${moved})`;
}

function label(kind: CaseKind): string {
  return kind.replace('_', ' ');
}

function policyLabel({ source, typology, urgency, priority }: PolicyText): string {
  if (source === 'urgent') return `Urgent (${urgency}): the urgent policy applies whatever the typology (priority ${priority})`;
  if (source === 'typology') return `Policy '${typology}' (priority ${priority})`;
  return `No policy for '${typology}': the default policy applies (priority ${priority})`;
}

function resolutionDue(dues: DueInstants): string {
  return dues.resolution === dues.company ? dues.company : `${dues.resolution} (capped by the legal deadline; the company target alone gives ${dues.company})`;
}

function firstResponseDue(dues: DueInstants): string {
  if (dues.firstResponse === dues.firstResponseTarget) return String(dues.firstResponse);
  return `${dues.firstResponse} (capped by the resolution due; the target alone gives ${dues.firstResponseTarget})`;
}

function passedNote(at: string, due: string | null): string {
  return due !== null && isAfter(at, due) ? ' (already passed)' : '';
}

function timeliness(at: string, due: string): string {
  return isAfter(at, due) ? `late (was due ${due})` : `on time (due ${due})`;
}
