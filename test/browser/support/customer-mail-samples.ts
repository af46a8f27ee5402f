import {
  caseClosure,
  caseResponse,
  caseTransfer,
  CUSTOMER_MAIL_EVENT_TYPES,
  deadlineExtension,
  filingAcknowledgement,
  firstLineResolution,
  informationPeriodExtension,
  informationRequest,
  lateCounterReply,
  MailDraft,
  MailSettings,
  tacitWithdrawal,
} from '@app/mail';

type CustomerMailEventType = (typeof CUSTOMER_MAIL_EVENT_TYPES)[number];

/**
 * One draft of every template a customer receives, per event that sends it (the Record makes a new
 * customer email event a compile error here until it has its samples), about the given case.
 */
export function customerMailSamples(filing: { filingNumber: string; verificationCode: string }, settings: MailSettings): Record<CustomerMailEventType, MailDraft[]> {
  const { filingNumber, verificationCode } = filing;
  const filed = { filingNumber, verificationCode, kind: 'claim' as const, subject: 'Cobro duplicado', filedAt: '2026-03-02T10:00:00-05:00' };
  return {
    CaseFiled: [
      ...[false, true].map((awaitingTypification) => filingAcknowledgement({ ...filed, dueAt: '2026-03-24T23:59:59-05:00', legalTermDays: 15, awaitingTypification }, settings)),
      firstLineResolution({ ...filed, kind: 'inquiry', resolution: 'Se explicó la tarifa vigente.' }, settings),
    ],
    InformationRequested: [
      informationRequest({ filingNumber, message: 'Copia de la factura', suspendsLegalTerm: true, tacitWithdrawalAt: '2026-04-06T23:59:59-05:00', customerSilenceDueAt: '2026-03-10T23:59:59-05:00' }, settings),
    ],
    InformationPeriodExtended: [informationPeriodExtension({ channel: 'phone', previousTacitWithdrawalAt: '2026-04-06T23:59:59-05:00', tacitWithdrawalAt: '2026-05-06T23:59:59-05:00' })],
    ResponseSent: (['resolved', 'pending'] as const).map((outcome) => caseResponse({ filingNumber, body: 'Reversamos el cobro.', outcome, counterReplyDeadline: '2026-03-27T23:59:59-05:00' }, settings)),
    DeadlineExtended: [deadlineExtension({ reason: 'Esperamos el concepto técnico.', previousDueAt: '2026-03-24T23:59:59-05:00', dueAt: '2026-04-16T23:59:59-05:00' })],
    CaseTransferred: [caseTransfer({ entity: 'Superintendencia de Industria y Comercio', reason: 'Protección al consumidor.', entityEmail: 'radicacion@sic.gov.co' })],
    CaseClosed: [caseClosure({ filingNumber }, settings)],
    CaseWithdrawn: [tacitWithdrawal({ filingNumber, informationRequestedAt: '2026-03-05T10:00:00-05:00', dueAt: '2026-04-06T23:59:59-05:00', withdrawnAt: '2026-04-07T00:00:01-05:00' })],
    CustomerEmailReceived: [lateCounterReply({ filingNumber, counterReplyDeadline: '2026-03-27T23:59:59-05:00' }, settings)],
  };
}

/** Every http(s) link of a rendered email: the hrefs of its HTML part and the URLs written in its text part. */
export function linksIn(mail: { text: string; html: string }): string[] {
  const hrefs = [...mail.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
  // A URL written at the end of a sentence is followed by its full stop, which is not part of it.
  const written = (mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? []).map((url) => url.replace(/[.,;:)]+$/, ''));
  return [...hrefs, ...written].filter((link) => /^https?:\/\//.test(link));
}
