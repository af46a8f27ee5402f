import type { components } from '@app/api-contract';

/*
 * PENDING CONTRACT — written by hand from docs/issue 26's plan (PLAN26 items 1–5), because the routes
 * it describes are being added on other branches (web-filing, public-actions) and are not yet in
 * the OpenAPI document this branch generates its types from. The merge of those branches replaces
 * this file: regenerate libs/api-contract (UPDATE_GENERATED=1 npx jest test/openapi-client.e2e-spec.ts),
 * point api/contract.ts at the generated schemas and delete this file. Everything else the portal
 * uses is generated.
 */

type ApiError = components['schemas']['ApiErrorDto'];
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type FilingNumberPath = { query?: never; header?: never; path: { filingNumber: string }; cookie?: never };
type PublicErrors = { 400: Json<ApiError>; 404: Json<ApiError>; 409: Json<ApiError>; 429: Json<ApiError>; 503: Json<ApiError> };

export interface PendingFilingForm {
  kinds: { value: string; label: string }[];
  documentTypes: { value: string; label: string }[];
  privacyPolicy: { version: string; text: string };
  /** Maximum lengths by field name (subject, facts, request, fullName, …). */
  limits: Record<string, number>;
  documentsByEmail: string;
}

export interface PendingPublicFiling {
  kind: string;
  fullName: string;
  company?: string;
  documentType: string;
  documentNumber: string;
  email: string;
  phone?: string;
  relatedFilingNumber?: string;
  subject: string;
  facts: string;
  request: string;
  consent: { accepted: true; policyVersion: string };
  /** The honeypot: absent or empty. */
  website?: string;
}

export interface PendingFilingReceipt {
  filingNumber: string;
  verificationCode: string;
  filedAt: string;
  dueAt: string;
}

export interface PendingPublicCase {
  filingNumber: string;
  status: string;
  statusLabel: string;
  kind: string;
  kindLabel: string;
  filedAt: string;
  dueAt: string | null;
  entries: { at: string; channel: string; description: string }[];
  responses: { at: string; body: string; outcome: 'resolved' | 'pending' }[];
  informationRequest: { requestedAt: string; message: string; answerBy: string | null } | null;
  counterReplyDeadline: string | null;
  actions: { answerInformation: boolean; counterReply: boolean; answerSurvey: boolean };
}

export interface PendingCustomerMessage {
  code: string;
  message: string;
}

export interface PendingCustomerMessageReceipt {
  filingNumber: string;
  receivedAt: string;
  status: string;
}

type CustomerMessageOperation = {
  parameters: FilingNumberPath;
  requestBody: { content: { 'application/json': PendingCustomerMessage } };
  responses: { 200: Json<PendingCustomerMessageReceipt> } & PublicErrors;
};

/** The public routes the other branches add, in openapi-typescript's shape (so openapi-fetch types the calls). */
export interface PendingPaths {
  '/public/filing-form': {
    parameters: NoParameters;
    get: { parameters: NoParameters; requestBody?: never; responses: { 200: Json<PendingFilingForm>; 429: Json<ApiError>; 503: Json<ApiError> } };
  };
  '/public/cases': {
    parameters: NoParameters;
    post: {
      parameters: { query?: never; header?: { 'Idempotency-Key'?: string }; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': PendingPublicFiling } };
      responses: { 201: Json<PendingFilingReceipt> } & PublicErrors;
    };
  };
  '/public/cases/{filingNumber}': {
    parameters: NoParameters;
    get: {
      parameters: { query: { code: string }; header?: never; path: { filingNumber: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<PendingPublicCase> } & PublicErrors;
    };
  };
  '/public/cases/{filingNumber}/information': { parameters: NoParameters; post: CustomerMessageOperation };
  '/public/cases/{filingNumber}/counter-replies': { parameters: NoParameters; post: CustomerMessageOperation };
}
