import { caseErrorSample, CaseErrorName, CaseErrors } from '@app/domain';
import { apiErrorSample, API_ERRORS } from './api-error-catalog';

describe('the catalogue of error codes the OpenAPI document shows', () => {
  it('holds every case error with the status its kind answers with', () => {
    for (const name of Object.keys(CaseErrors) as CaseErrorName[]) {
      const { code, kind } = caseErrorSample(name);
      const status = { not_found: 404, forbidden: 403, conflict: 409, rule: 422 }[kind];
      expect({ code, status: API_ERRORS.get(code)?.statusCode }).toEqual({ code, status });
    }
  });

  it('refuses a code nobody answers with, so that a misspelt declaration stops the app at start-up', () => {
    expect(() => apiErrorSample('CASE.WRONG_STATE')).toThrow('Unknown error code in the OpenAPI declarations: CASE.WRONG_STATE');
    expect(apiErrorSample('STORE.UNAVAILABLE')).toMatchObject({ statusCode: 503, code: 'STORE.UNAVAILABLE' });
  });
});
