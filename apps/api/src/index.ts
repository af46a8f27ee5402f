/**
 * `@app/api`: what code outside the API may use of it — the end-to-end tests and the benchmarks of
 * the API itself, which build the HTTP application, read one of its providers, or time its query
 * handlers, or check the error catalogue its OpenAPI document shows. Nothing else outside `apps/api` imports the API.
 */
export { createApp } from './bootstrap';
export type { AppModuleOptions } from './app.module';
export type { LogOptions } from './logging/logging.module';
export { UNMATCHED_MAIL_STREAM, UnmatchedMailLog } from './inbound/unmatched-mail.log';
export { GetQueueSummaryHandler, GetQueueSummaryQuery, ListQueueHandler, ListQueueQuery } from './queries/queues/queues.queries';
export { GetReportHandler, GetReportQuery } from './queries/reports/reports.queries';
export { SearchCasesHandler, SearchCasesQuery } from './queries/case-search/case-search.query';
export type { CaseSearchQueryDto } from './queries/case-search/case-search.dto';
export { API_ERRORS } from './http/api-error-catalog';
export { caseIdForKey } from './cases/file-case/file-case.handler';
export { WEB_CUSTOMER } from './cases/web-filing/web-filing.controller';
export { ActorOfIdentity } from './auth/actor-of-identity';
