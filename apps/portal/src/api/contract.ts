import type { components, paths } from '@app/api-contract';

/** The API's types as the pages name them, all generated from the OpenAPI document (libs/api-contract). */
type Schemas = components['schemas'];

export type PortalPaths = paths;
export type ApiError = Schemas['ApiErrorDto'];
export type SurveyAnswer = Schemas['PublicSurveyDto'];
export type FilingForm = Schemas['FilingFormDto'];
export type PublicFiling = Schemas['WebFilingDto'];
export type FilingReceipt = Schemas['WebFilingResponseDto'];
export type PublicCase = Schemas['CustomerTimelineDto'];
export type CustomerMessageReceipt = Schemas['PublicAnswerResponseDto'];
