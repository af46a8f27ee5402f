import { BusinessCalendar } from '../calendar/business-calendar';
import type { CaseKind, Channel, ResponseOutcome } from '../cases/case-kind';
import type { CaseCommand } from '../cases/case.commands';
import { createCaseDecider } from '../cases/case.decider';
import type { CaseEvent } from '../cases/case.events';
import { foldEvents } from '../shared/decider';
import { actors, petitioner } from '../testing/case-histories';
import { computeDeadlines } from './deadline-clock';
import type { DeadlineExplanation } from './deadline-explanation';
import { DEFAULT_SLA_POLICIES } from './sla-policy';
import type { CaseUrgency, SlaPolicies } from './sla-policy';

/** Colombia, Monday to Friday 08:00–17:00: nine business hours a day. */
export const calendar = new BusinessCalendar();
const decider = createCaseDecider(calendar);

export interface FilingOptions {
  kind?: CaseKind;
  channel?: Channel;
  typology?: string;
}

/**
 * Case histories written by the real decider, so that every event carries the decider's own
 * dueAt arithmetic; `withEvent` appends hand-made events the decider would refuse.
 */
export class History {
  private constructor(readonly events: CaseEvent[]) {}

  static filed(at: string, { kind = 'claim', channel = 'email', typology = 'billing' }: FilingOptions = {}): History {
    const data = {
      caseId: 'case-1',
      filingNumber: '2026-000001',
      verificationCode: 'ABC123',
      kind,
      typology,
      motive: 'motive',
      channel,
      subject: 'Asunto',
      facts: 'Hechos',
      request: 'Solicitud',
      attachments: [],
      petitionerId: 'petitioner-1',
      petitioner,
      consent: { givenAt: at, channel, policyVersion: '2026-01' },
    };
    return new History([]).run({ type: 'FileCase', data, actor: actors.agent, at });
  }

  assigned(at: string): History {
    return this.run({ type: 'AssignCase', data: { backofficeId: actors.backoffice.id }, actor: actors.supervisor, at });
  }

  confirmed(at: string): History {
    return this.run({ type: 'ReviewTypification', data: { consistent: true }, actor: actors.backoffice, at });
  }

  returned(at: string): History {
    return this.run({ type: 'ReviewTypification', data: { consistent: false, reason: 'Otra tipología' }, actor: actors.backoffice, at });
  }

  retypified(at: string, kind: CaseKind, typology = 'billing'): History {
    return this.run({ type: 'RetypifyCase', data: { kind, typology, motive: 'motive' }, actor: actors.agent, at });
  }

  informationRequested(at: string): History {
    return this.run({ type: 'RequestInformation', data: { message: 'Adjunte la factura' }, actor: actors.backoffice, at });
  }

  informationPeriodExtended(at: string): History {
    return this.run({ type: 'ExtendInformationPeriod', data: { channel: 'phone' }, actor: actors.agent, at });
  }

  informationReceived(at: string): History {
    return this.run({ type: 'ReceiveInformation', data: { summary: 'Factura', channel: 'email' }, actor: actors.backoffice, at });
  }

  responded(at: string, outcome: ResponseOutcome): History {
    return this.run({ type: 'SendResponse', data: { body: 'Respuesta', outcome, decision: 'favourable' }, actor: actors.backoffice, at });
  }

  counterReplied(at: string): History {
    return this.run({ type: 'ReceiveCounterReply', data: { summary: 'No estoy de acuerdo', channel: 'email' }, actor: actors.agent, at });
  }

  extended(at: string, businessDays: number): History {
    return this.run({ type: 'ExtendDeadline', data: { businessDays, reason: 'Concepto técnico' }, actor: actors.supervisor, at });
  }

  transferred(at: string): History {
    return this.run({ type: 'TransferCase', data: { entity: 'SIC', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia' }, actor: actors.supervisor, at });
  }

  closed(at: string): History {
    return this.run({ type: 'CloseCase', data: { reason: 'Sin contrarrespuesta' }, actor: actors.supervisor, at });
  }

  withEvent(event: CaseEvent): History {
    return new History([...this.events, event]);
  }

  /** Assigned and confirmed the next business morning, ready for the backoffice. */
  inProgress(assignedAt: string): History {
    return this.assigned(assignedAt).confirmed(assignedAt);
  }

  /** The latest dueAt the decider wrote into the events. */
  recordedDueAt(): string {
    const carriers = this.events.filter((event) => 'dueAt' in event.data);
    return (carriers[carriers.length - 1].data as { dueAt: string }).dueAt;
  }

  deadlinesAt(now: string, options: { policies?: SlaPolicies; urgency?: CaseUrgency; calendar?: BusinessCalendar } = {}): DeadlineExplanation {
    return computeDeadlines(this.events, { calendar: options.calendar ?? calendar, policies: options.policies ?? DEFAULT_SLA_POLICIES, now, urgency: options.urgency });
  }

  private run(command: CaseCommand): History {
    return new History([...this.events, ...decider.decide(command, foldEvents(decider, this.events))]);
  }
}
