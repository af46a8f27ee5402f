import type { CommandContext } from '../shared/actor';
import type { Channel, ResponseOutcome } from './case-kind';
import type { AttachmentRef, Petitioner, Typification } from './case.events';

type Command<Type extends string, Data> = { type: Type; data: Data } & CommandContext;

export type FileCase = Command<
  'FileCase',
  Typification & {
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
    petitioner: Petitioner;
    /** Set when the agent answers a petición or consulta on the spot. */
    firstLineResolution?: { resolution: string } | null;
  }
>;
export type AssignCase = Command<'AssignCase', { backofficeId: string }>;
export type ReviewTypification = Command<'ReviewTypification', { consistent: boolean; reason?: string | null }>;
export type RetypifyCase = Command<'RetypifyCase', Typification>;
export type RequestInformation = Command<'RequestInformation', { message: string }>;
export type ReceiveInformation = Command<'ReceiveInformation', { summary: string; channel: Channel }>;
export type SendResponse = Command<'SendResponse', { body: string; outcome: ResponseOutcome }>;
export type ReceiveCounterReply = Command<'ReceiveCounterReply', { summary: string; channel: Channel }>;
export type ExtendDeadline = Command<'ExtendDeadline', { businessDays: number; reason: string }>;
export type TransferCase = Command<'TransferCase', { entity: string; reason: string }>;
export type AnswerSurvey = Command<'AnswerSurvey', { score: number; comment?: string | null; via: 'agent' | 'public' }>;
export type ReviewQuality = Command<'ReviewQuality', { score: number; findings: string }>;
export type CloseCase = Command<'CloseCase', { reason: string }>;

export type CaseCommand =
  | FileCase
  | AssignCase
  | ReviewTypification
  | RetypifyCase
  | RequestInformation
  | ReceiveInformation
  | SendResponse
  | ReceiveCounterReply
  | ExtendDeadline
  | TransferCase
  | AnswerSurvey
  | ReviewQuality
  | CloseCase;

export type CaseCommandType = CaseCommand['type'];
