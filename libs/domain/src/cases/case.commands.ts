import type { CommandContext } from '../shared/actor';
import type { AutoCloseRule, Channel, ResponseDecision, ResponseOutcome } from './case-kind';
import type { PriorityReason } from './case-priority';
import type { CatalogState } from '../catalog/catalog.decider';

/** The catalog in force (the command path adds it): a typification must be in it (ADR 44); absent, nothing is checked. */
type InCatalog = { catalog?: CatalogState | null };
import type { AttachmentRef, Consent, EmailAddressee, EmailRef, Petitioner, StoredAttachmentRef, Typification } from './case.events';

type Command<Type extends string, Data> = { type: Type; data: Data } & CommandContext;

/**
 * Without `typology` and `motive` (a web filing by the customer) the case is filed untypified
 * (`to_typify`) and an agent typifies it later (RetypifyCase); `kind` is the customer's choice.
 */
export type FileCase = Command<
  'FileCase',
  Pick<Typification, 'kind'> &
    Partial<Record<'typology' | 'motive', string | null>> & {
    caseId: string;
    /** Allocated atomically outside the core (unique and increasing per year). */
    filingNumber: string;
    verificationCode: string;
    channel: Channel;
    subject: string;
    facts: string;
    request: string;
    attachments: AttachmentRef[];
    relatedFilingNumber?: string | null;
    /** Pseudonymous id of the petitioner (computed outside the core from their document). */
    petitionerId: string;
    /** Keyed hash of the petitioner's email (computed outside the core); absent: none recorded. */
    petitionerEmailId?: string | null;
    petitioner: Petitioner;
    /** The agent says the case is a matter apart from the petitioner's open case of the same typology (checked outside the core). */
    distinctMatter?: boolean;
    /** Required: a filing without the petitioner's consent is refused (CASE.CONSENT_REQUIRED). */
    consent?: Consent | null;
    /** Set when the agent answers a petición or consulta on the spot. */
    firstLineResolution?: { resolution: string } | null;
    /** Set when the agent marks the case urgent at filing (CasePriorityChanged, the filing's last event). */
    urgency?: PriorityReason | null;
  } & InCatalog
>;
/** A supervisor marks an open case urgent (with its reason) or back to normal (no reason). */
export type ChangePriority = Command<'ChangePriority', { priority: 'urgent' | 'normal'; reason?: PriorityReason | null }>;
export type AssignCase = Command<'AssignCase', { backofficeId: string }>;
export type ReviewTypification = Command<'ReviewTypification', { consistent: boolean; reason?: string | null }>;
export type RetypifyCase = Command<'RetypifyCase', Typification & InCatalog & { distinctMatter?: boolean }>;
/**
 * `customerSilenceRule`: the company's rule from the configuration (the command path adds it): a case of one
 * of `outsideLey1755` (kinds or typologies) waiting on the customer `businessDays` is closed; absent or 0: none.
 */
export type RequestInformation = Command<
  'RequestInformation',
  { message: string; customerSilenceRule?: { businessDays: number; outsideLey1755: readonly string[] } | null }
>;
/** Art. 17: the petitioner asked, by `channel`, for one more month to complete the information. */
export type ExtendInformationPeriod = Command<'ExtendInformationPeriod', { channel: Channel }>;
export type ReceiveInformation = Command<'ReceiveInformation', { summary: string; channel: Channel }>;
/** `decisionReason`: why the petition was decided so; required unless the decision is favourable. */
export type SendResponse = Command<
  'SendResponse',
  { body: string; outcome: ResponseOutcome; decision: ResponseDecision; decisionReason?: string | null }
>;
/** A note for staff only: never customer-visible, never emailed. */
export type AddInternalNote = Command<'AddInternalNote', { text: string }>;
export type ReceiveCounterReply = Command<'ReceiveCounterReply', { summary: string; channel: Channel }>;
export type ExtendDeadline = Command<'ExtendDeadline', { businessDays: number; reason: string }>;
/** `entityEmail`: where the petition is sent (the competent entity's address for filings). */
export type TransferCase = Command<'TransferCase', { entity: string; entityEmail: string; reason: string }>;
export type AnswerSurvey = Command<'AnswerSurvey', { score: number; comment?: string | null; via: 'agent' | 'public' }>;
export type ReviewQuality = Command<'ReviewQuality', { score: number; findings: string }>;
export type CloseCase = Command<'CloseCase', { reason: string }>;

/** Sent by the SLA process manager only (actor `system:sla`), each at a due instant it computed from the case's events. */
export type RecordFirstResponseOverdue = Command<'RecordFirstResponseOverdue', { dueAt: string }>;
export type RecordResolutionOverdue = Command<'RecordResolutionOverdue', { dueAt: string }>;
/** `counter_reply_window_elapsed`: `dueAt` is the response's counter-reply deadline. `customer_silent`: the company rule, counted from the information request. */
export type CloseCaseAutomatically = Command<
  'CloseCaseAutomatically',
  { rule: AutoCloseRule; dueAt: string; informationRequestedAt?: string | null }
>;
export type WithdrawCase = Command<'WithdrawCase', { informationRequestedAt: string; dueAt: string }>;

/** Sent by the email outbox only (actor `system:mail`): the outcome of one delivery attempt. */
/** `addressee` defaults to the petitioner. */
type EmailRefInput = Omit<EmailRef, 'addressee'> & { addressee?: EmailAddressee };
export type RecordEmailDelivered = Command<'RecordEmailDelivered', EmailRefInput>;
export type RecordEmailDeliveryFailed = Command<'RecordEmailDeliveryFailed', EmailRefInput & { error: string; nextAttemptAt: string }>;

/** An email from the customer, threaded to this case by the inbound route; `automatic`: an auto-reply (never answered). */
export type ReceiveCustomerEmail = Command<
  'ReceiveCustomerEmail',
  { messageId: string | null; subject: string; body: string; attachments: StoredAttachmentRef[]; automatic: boolean }
>;

/** An admin erases the petitioner's personal data (their key is destroyed); recorded on each of their cases. */
export type ErasePetitionerData = Command<'ErasePetitionerData', { petitionerId: string; withdrawnMessages: string[] }>;

export type CaseCommand =
  | FileCase
  | AssignCase
  | ReviewTypification
  | RetypifyCase
  | RequestInformation
  | ExtendInformationPeriod
  | ReceiveInformation
  | SendResponse
  | AddInternalNote
  | ReceiveCounterReply
  | ExtendDeadline
  | TransferCase
  | AnswerSurvey
  | ReviewQuality
  | CloseCase
  | RecordFirstResponseOverdue
  | RecordResolutionOverdue
  | CloseCaseAutomatically
  | WithdrawCase
  | RecordEmailDelivered
  | RecordEmailDeliveryFailed
  | ReceiveCustomerEmail
  | ErasePetitionerData
  | ChangePriority;

export type CaseCommandType = CaseCommand['type'];
