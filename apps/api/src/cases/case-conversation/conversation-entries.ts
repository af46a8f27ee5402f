import type { AttachmentRef, CaseEvent, ResponseDecision, ResponseOutcome } from '@app/domain';

/** What a conversation entry is: one message or written fact of the case's thread. */
export const CONVERSATION_ENTRY_KINDS = [
  'facts',
  'request',
  'information_requested',
  'information_received',
  'response',
  'customer_email',
  'counter_reply',
  'internal_note',
  'quality_finding',
] as const;
export type ConversationEntryKind = (typeof CONVERSATION_ENTRY_KINDS)[number];

/** The decision a response recorded (ResponseSent v2; both null on a v1 response or a first-line resolution). */
export interface ResponseFacts {
  outcome: ResponseOutcome;
  decision: ResponseDecision | null;
  decisionReason: string | null;
}

export interface ConversationEntry {
  kind: ConversationEntryKind;
  /** The event the entry comes from, and where it stands in the case's stream. */
  eventType: CaseEvent['type'];
  revision: number;
  position: number;
  at: string;
  actorId: string;
  channel: string;
  /** True when the customer wrote it or was sent it; internal notes and quality findings never are. */
  customerVisible: boolean;
  subject: string | null;
  text: string;
  attachments: AttachmentRef[];
  response: ResponseFacts | null;
  /** A quality review's score (0-100); null otherwise. */
  score: number | null;
}

/** Where an event stands in its stream, as the store recorded it. */
export interface EventPlace {
  revision: number;
  position: number;
  actorId: string;
}

type Written = Pick<ConversationEntry, 'kind' | 'at' | 'channel' | 'customerVisible' | 'text'> & Partial<ConversationEntry>;

/**
 * The whole thread of a case's events, oldest first: each event gives the entries written in it (a
 * filing its facts, then its request); none for the events that carry no message (an assignment, an
 * overdue mark, a delivery). The facts, the request and a first-line resolution came through the
 * channel the case was filed on.
 */
export function conversationOf(events: readonly { event: CaseEvent; place: EventPlace }[]): ConversationEntry[] {
  const filed = events.find(({ event }) => event.type === 'CaseFiled')?.event;
  const filingChannel = filed?.type === 'CaseFiled' ? filed.data.channel : 'internal';
  return events.flatMap(({ event, place }) =>
    writtenIn(event, filingChannel).map((written) => ({ eventType: event.type, ...place, subject: null, attachments: [], response: null, score: null, ...written })),
  );
}

function writtenIn(event: CaseEvent, filingChannel: string): Written[] {
  switch (event.type) {
    case 'CaseFiled': {
      const d = event.data;
      return [
        { kind: 'facts', at: d.filedAt, channel: filingChannel, customerVisible: true, subject: d.subject, text: d.facts, attachments: d.attachments },
        { kind: 'request', at: d.filedAt, channel: filingChannel, customerVisible: true, text: d.request },
      ];
    }
    case 'InformationRequested':
      return [{ kind: 'information_requested', at: event.data.requestedAt, channel: 'email', customerVisible: true, text: event.data.message }];
    case 'InformationReceived':
      return [{ kind: 'information_received', at: event.data.receivedAt, channel: event.data.channel, customerVisible: true, text: event.data.summary }];
    case 'CaseResolvedAtFirstLine':
      return [
        {
          kind: 'response', at: event.data.resolvedAt, channel: filingChannel, customerVisible: true, text: event.data.resolution,
          response: { outcome: 'resolved', decision: null, decisionReason: null },
        },
      ];
    case 'ResponseSent': {
      const { outcome, decision, decisionReason } = event.data;
      return [{ kind: 'response', at: event.data.respondedAt, channel: 'email', customerVisible: true, text: event.data.body, response: { outcome, decision, decisionReason } }];
    }
    case 'CustomerEmailReceived': {
      const d = event.data;
      const attachments = d.attachments.map(({ name, contentType, size }) => ({ name, contentType, size }));
      return [{ kind: 'customer_email', at: d.receivedAt, channel: 'email', customerVisible: true, subject: d.subject, text: d.body, attachments }];
    }
    case 'CounterReplyReceived':
      return [{ kind: 'counter_reply', at: event.data.receivedAt, channel: event.data.channel, customerVisible: true, text: event.data.summary }];
    case 'InternalNoteAdded':
      return [{ kind: 'internal_note', at: event.data.writtenAt, channel: 'internal', customerVisible: false, text: event.data.text }];
    case 'QualityReviewed':
      return [{ kind: 'quality_finding', at: event.data.reviewedAt, channel: 'internal', customerVisible: false, text: event.data.findings, score: event.data.score }];
    default:
      return [];
  }
}
