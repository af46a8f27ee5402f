import type { components, paths } from '@app/api-contract';
import type {
  PendingCustomerMessageReceipt,
  PendingFilingForm,
  PendingFilingReceipt,
  PendingPaths,
  PendingPublicCase,
  PendingPublicFiling,
} from './pending-contract';

/**
 * The API's types as the pages name them. All generated from the OpenAPI document
 * (libs/api-contract), except the routes still pending on other branches (pending-contract.ts):
 * when they are generated, this file points at the generated schemas instead.
 */
export type PortalPaths = Omit<paths, keyof PendingPaths> & PendingPaths;
export type ApiError = components['schemas']['ApiErrorDto'];
export type SurveyAnswer = components['schemas']['PublicSurveyDto'];

export type FilingForm = PendingFilingForm;
export type PublicFiling = PendingPublicFiling;
export type FilingReceipt = PendingFilingReceipt;
export type PublicCase = PendingPublicCase;
export type CustomerMessageReceipt = PendingCustomerMessageReceipt;
