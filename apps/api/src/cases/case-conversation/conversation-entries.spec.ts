import type { CaseEvent } from '@app/domain';
import { HISTORIES } from '@app/domain/testing/case-histories';
import { conversationOf } from './conversation-entries';

const placed = (events: CaseEvent[]) => events.map((event, revision) => ({ event, place: { revision, position: 100 + revision, actorId: `actor-${revision}` } }));

describe('conversationOf: the thread of a case (issue 28)', () => {
  it('given a case resolved at first line, then its facts and request came through the filing channel and the resolution is a response with no decision recorded', () => {
    const entries = conversationOf(placed(HISTORIES.resolved_first_line));
    expect(entries.map(({ kind, channel, customerVisible }) => [kind, channel, customerVisible])).toEqual([
      ['facts', 'phone', true],
      ['request', 'phone', true],
      ['response', 'phone', true],
    ]);
    expect(entries[2].response).toEqual({ outcome: 'resolved', decision: null, decisionReason: null });
  });

  it('given events that carry no message (assignment, confirmation), then they give no entry; each entry keeps its event, revision and author', () => {
    const entries = conversationOf(placed(HISTORIES.responded_resolved));
    expect(entries.map(({ kind, eventType, revision, actorId }) => [kind, eventType, revision, actorId])).toEqual([
      ['facts', 'CaseFiled', 0, 'actor-0'],
      ['request', 'CaseFiled', 0, 'actor-0'],
      ['response', 'ResponseSent', 4, 'actor-4'],
    ]);
  });

  it("given a customer's email, then it reads with its subject and its attachments' names, types and sizes, never where they are stored", () => {
    const email: CaseEvent = {
      type: 'CustomerEmailReceived',
      data: {
        messageId: '<r1@example.com>', subject: 'Re: [2026-000042]', body: 'Adjunto la factura.', disposition: 'noted', counterReplyDeadline: null,
        attachments: [{ name: 'factura.pdf', contentType: 'application/pdf', size: 1234, storageKey: 'k/1' }], receivedBy: 'system:mail', receivedAt: '2026-03-03T10:00:00-05:00',
      },
    };
    const [entry] = conversationOf(placed([email]));
    expect(entry).toMatchObject({ kind: 'customer_email', channel: 'email', customerVisible: true, subject: 'Re: [2026-000042]', text: 'Adjunto la factura.' });
    expect(entry.attachments).toEqual([{ name: 'factura.pdf', contentType: 'application/pdf', size: 1234 }]);
  });
});
