import { api } from './client';
import type { ApiError, CustomerMessageReceipt, FilingForm, FilingReceipt, PublicCase, PublicFiling, SurveyAnswer } from './contract';
import { NETWORK_PROBLEM, problemOf, type Problem, type ProblemOptions } from './problems';

/** What a call gives a page: the API's answer, or the problem to show. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

interface FetchResult<T> {
  data?: T;
  error?: ApiError;
  response: Response;
}

async function outcome<T>(call: Promise<FetchResult<T>>, options: ProblemOptions = {}): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok && data !== undefined) return { ok: true, data };
    return { ok: false, problem: problemOf(response.status, error, options) };
  } catch {
    return { ok: false, problem: NETWORK_PROBLEM };
  }
}

const onCase = (filingNumber: string) => ({ path: { filingNumber } });

export const getFilingForm = (): Promise<Outcome<FilingForm>> => outcome(api.GET('/public/filing-form'));

export const fileCase = (body: PublicFiling, idempotencyKey: string, labels: Record<string, string>): Promise<Outcome<FilingReceipt>> =>
  outcome(api.POST('/public/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } }), { labels });

export const getCase = (filingNumber: string, code: string): Promise<Outcome<PublicCase>> =>
  outcome(api.GET('/public/cases/{filingNumber}', { params: { ...onCase(filingNumber), query: { code } } }), { lookup: true });

export const answerInformationRequest = (filingNumber: string, code: string, message: string, labels: Record<string, string>): Promise<Outcome<CustomerMessageReceipt>> =>
  outcome(api.POST('/public/cases/{filingNumber}/information', { params: onCase(filingNumber), body: { code, message } }), { labels });

export const sendCounterReply = (filingNumber: string, code: string, message: string, labels: Record<string, string>): Promise<Outcome<CustomerMessageReceipt>> =>
  outcome(api.POST('/public/cases/{filingNumber}/counter-replies', { params: onCase(filingNumber), body: { code, message } }), { labels });

export const answerSurvey = (filingNumber: string, answer: SurveyAnswer, labels: Record<string, string>) =>
  outcome(api.POST('/public/cases/{filingNumber}/survey', { params: onCase(filingNumber), body: answer }), { labels });
