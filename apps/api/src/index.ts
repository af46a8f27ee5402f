/**
 * `@app/api`: what code outside the API may use of it — the end-to-end tests and the benchmarks of
 * the API itself, which build the HTTP application, read one of its providers, or time its query
 * handlers. Nothing else outside `apps/api` imports the API.
 */
export { createApp } from './bootstrap';
export type { AppModuleOptions } from './app.module';
export type { LogOptions } from './logging/logging.module';
export { UNMATCHED_MAIL_STREAM, UnmatchedMailLog } from './inbound/unmatched-mail.log';
export { GetQueueSummaryHandler, GetQueueSummaryQuery, ListQueueHandler, ListQueueQuery } from './queries/queues/queues.queries';
export { GetReportHandler, GetReportQuery } from './queries/reports/reports.queries';
