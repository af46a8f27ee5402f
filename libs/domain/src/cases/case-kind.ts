/** Case kinds (glossary) and their legal term in business days (Ley 1755 de 2015, art. 14). */
export const CASE_KINDS = [
  'petition',
  'complaint',
  'claim',
  'suggestion',
  'report',
  'inquiry',
  'formal_petition',
  'document_request',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const LEGAL_TERM_BUSINESS_DAYS: Record<CaseKind, number> = {
  petition: 15,
  complaint: 15,
  claim: 15,
  suggestion: 15,
  report: 15,
  formal_petition: 15,
  document_request: 10,
  inquiry: 30,
};

/**
 * The kinds a customer chooses from when filing on their own (the web form): petición, queja, reclamo,
 * sugerencia, denuncia, consulta. A derecho de petición or a document request is told apart when typified.
 */
export const CUSTOMER_CASE_KINDS = ['petition', 'complaint', 'claim', 'suggestion', 'report', 'inquiry'] as const satisfies readonly CaseKind[];
export type CustomerCaseKind = (typeof CUSTOMER_CASE_KINDS)[number];

/** Only a petición or a consulta the agent can answer is resolved at first line. */
export const FIRST_LINE_RESOLVABLE_KINDS: readonly CaseKind[] = ['petition', 'inquiry', 'document_request'];

export const CHANNELS = ['phone', 'chat', 'email', 'web', 'in_person', 'letter', 'regulator'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A petition made by voice (Ley 1755 de 2015, art. 21: the petitioner is told at once of a transfer). */
export const VERBAL_CHANNELS: readonly Channel[] = ['phone', 'in_person'];

export const DOCUMENT_TYPES = ['CC', 'CE', 'TI', 'NIT', 'PA', 'PPT', 'RC'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const RESPONSE_OUTCOMES = ['resolved', 'pending'] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];

/** What the response decided on the petition: in the petitioner's favour, partly, or against (regulators count them). */
export const RESPONSE_DECISIONS = ['favourable', 'partial', 'unfavourable'] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];

/** Business days the customer has to counter-reply by email after a response. */
export const COUNTER_REPLY_WINDOW_BUSINESS_DAYS = 3;

/** Why the SLA process closes a case by itself (docs/domain.md, lifecycle step 7 and Deadlines). */
export const AUTO_CLOSE_RULES = ['counter_reply_window_elapsed', 'customer_silent'] as const;
export type AutoCloseRule = (typeof AUTO_CLOSE_RULES)[number];

/** The reason written into CaseClosed when the SLA process closes a case. */
export const AUTO_CLOSE_REASONS: Record<AutoCloseRule, string> = {
  counter_reply_window_elapsed: 'No counter-reply within the 3 business days after the response',
  customer_silent: 'The customer did not answer the information request in time (company rule)',
};

/** The reason written into CaseWithdrawn. */
export const TACIT_WITHDRAWAL_REASON =
  'Tacit withdrawal (Ley 1755 de 2015, art. 17): no answer to the information request by the end of its term (one month, or two if the petitioner asked for one more)';
