import { BusinessCalendar } from '../calendar';
import type { Actor } from '../shared/actor';
import { deciderSpec } from '../testing/given-when-then';
import { CASE_ID, command, HISTORIES, march2026 } from '../testing/case-histories';
import type { CaseEvent, EmailRef } from './case.events';
import { createCaseDecider } from './case.decider';
import { MAIL_ACTOR_ID } from './case-mail.decider';

const spec = deciderSpec(createCaseDecider(new BusinessCalendar()));
const mail: Actor = { id: MAIL_ACTOR_ID, roles: [] };
const ref: EmailRef = { sourceEventId: 'evt-filed', sourceEventType: 'CaseFiled', messageId: `<pqr.${CASE_ID}.evt-filed@pqr.example.co>`, attempt: 1, addressee: 'petitioner' };
const delivered: CaseEvent = { type: 'EmailDelivered', data: { ...ref, deliveredBy: mail.id, deliveredAt: march2026(3) } };

describe('case decider: email delivery attempts (sent by the email outbox)', () => {
  it('given a filed case, when the acknowledgement was handed to the transport, then EmailDelivered without any address', () => {
    spec.given(HISTORIES.filed).when(command('RecordEmailDelivered', ref, mail, march2026(3))).then([delivered]);
  });

  it('given a filed case, when an attempt failed, then EmailDeliveryFailed with the error and the next attempt', () => {
    spec
      .given(HISTORIES.filed)
      .when(command('RecordEmailDeliveryFailed', { ...ref, error: 'connect ECONNREFUSED', nextAttemptAt: march2026(4) }, mail, march2026(3)))
      .then([
        {
          type: 'EmailDeliveryFailed',
          data: { ...ref, error: 'connect ECONNREFUSED', nextAttemptAt: march2026(4), failedBy: mail.id, failedAt: march2026(3) },
        },
      ]);
  });

  it('given a failed attempt, when the second attempt succeeds, then EmailDelivered with attempt 2', () => {
    const failed: CaseEvent = {
      type: 'EmailDeliveryFailed',
      data: { ...ref, error: 'timeout', nextAttemptAt: march2026(4), failedBy: mail.id, failedAt: march2026(3) },
    };
    spec
      .given([...HISTORIES.filed, failed])
      .when(command('RecordEmailDelivered', { ...ref, attempt: 2 }, mail, march2026(4)))
      .then([{ type: 'EmailDelivered', data: { ...ref, attempt: 2, deliveredBy: mail.id, deliveredAt: march2026(4) } }]);
  });

  it('given a closed case, when its closing message is delivered, then EmailDelivered (mail outlives the status)', () => {
    const closing = { ...ref, sourceEventId: 'evt-closed', sourceEventType: 'CaseClosed' };
    const [event] = spec.given(HISTORIES.closed).when(command('RecordEmailDelivered', closing, mail, march2026(4))).thenEmits();
    expect(event).toMatchObject({ type: 'EmailDelivered', data: { sourceEventId: 'evt-closed' } });
  });

  it('given the message delivered, when it is delivered again, then CASE.EMAIL_ALREADY_DELIVERED', () => {
    spec
      .given([...HISTORIES.filed, delivered])
      .when(command('RecordEmailDelivered', { ...ref, attempt: 2 }, mail, march2026(4)))
      .thenFails('CASE.EMAIL_ALREADY_DELIVERED');
  });

  it('given the message delivered, when a late failure of an earlier attempt arrives, then CASE.EMAIL_ALREADY_DELIVERED', () => {
    spec
      .given([...HISTORIES.filed, delivered])
      .when(command('RecordEmailDeliveryFailed', { ...ref, error: 'timeout', nextAttemptAt: march2026(5) }, mail, march2026(4)))
      .thenFails('CASE.EMAIL_ALREADY_DELIVERED');
  });

  it('given one message delivered, when another event of the case is delivered, then EmailDelivered', () => {
    const other = { ...ref, sourceEventId: 'evt-response', sourceEventType: 'ResponseSent' };
    const [event] = spec.given([...HISTORIES.filed, delivered]).when(command('RecordEmailDelivered', other, mail, march2026(5))).thenEmits();
    expect(event.type).toBe('EmailDelivered');
  });

  describe('a transfer writes twice: the copy to the petitioner and the petition to the competent entity (art. 21)', () => {
    const transfer = { sourceEventId: 'evt-transfer', sourceEventType: 'CaseTransferred', messageId: `<pqr.${CASE_ID}.evt-transfer@pqr.example.co>`, attempt: 1 };
    const toEntity = { ...transfer, messageId: `<pqr.${CASE_ID}.evt-transfer.entity@pqr.example.co>`, addressee: 'entity' as const };
    const copyDelivered: CaseEvent = { type: 'EmailDelivered', data: { ...transfer, addressee: 'petitioner', deliveredBy: mail.id, deliveredAt: march2026(4) } };

    it('given the copy delivered, when the petition is delivered to the entity, then EmailDelivered addressed to the entity', () => {
      spec
        .given([...HISTORIES.transferred, copyDelivered])
        .when(command('RecordEmailDelivered', toEntity, mail, march2026(4)))
        .then([{ type: 'EmailDelivered', data: { ...toEntity, deliveredBy: mail.id, deliveredAt: march2026(4) } }]);
    });

    it('given the petition delivered to the entity, when it is delivered again, then CASE.EMAIL_ALREADY_DELIVERED; the copy still goes', () => {
      const entityDelivered: CaseEvent = { type: 'EmailDelivered', data: { ...toEntity, deliveredBy: mail.id, deliveredAt: march2026(4) } };
      spec.given([...HISTORIES.transferred, entityDelivered]).when(command('RecordEmailDelivered', { ...toEntity, attempt: 2 }, mail, march2026(5))).thenFails('CASE.EMAIL_ALREADY_DELIVERED');
      spec.given([...HISTORIES.transferred, entityDelivered]).when(command('RecordEmailDelivered', transfer, mail, march2026(5))).then([copyDelivered].map((event) => ({ ...event, data: { ...event.data, deliveredAt: march2026(5) } }) as CaseEvent));
    });
  });

  it('given no case, when a delivery is recorded, then CASE.NOT_FOUND', () => {
    spec.given(HISTORIES.none).when(command('RecordEmailDelivered', ref, mail, march2026(3))).thenFails('CASE.NOT_FOUND');
  });

  it('given a filed case, when the attempt number is not positive, then CASE.INVALID_VALUE', () => {
    spec.given(HISTORIES.filed).when(command('RecordEmailDelivered', { ...ref, attempt: 0 }, mail, march2026(3))).thenFails('CASE.INVALID_VALUE');
  });
});
