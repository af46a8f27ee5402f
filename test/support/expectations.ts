import type { Response } from 'supertest';

/**
 * Asserts the error shape `{ statusCode, code, message, details? }` with the given status (and code).
 * `label` names the attempt in the failure output, as these checks run in loops.
 */
export function expectApiError(label: string, response: Response, status: number, code?: string): void {
  expect({ label, status: response.status, body: response.body }).toEqual({
    label,
    status,
    body: expect.objectContaining({ statusCode: status, code: code ?? expect.any(String), message: expect.any(String) }),
  });
}

/** 400 `VALIDATION.FAILED` whose details are all `{ field, reason }` and name every one of `fields`. */
export function expectValidationError(label: string, response: Response, ...fields: string[]): void {
  expectValidationShape(label, response);
  const named = (response.body.details as Array<{ field: string }>).map((detail) => detail.field);
  expect({ label, missing: fields.filter((field) => !named.includes(field)), named }).toEqual({ label, missing: [], named });
}

/** Like expectValidationError, for a problem the API may report on the field or on one of its parents (an array item or the array). */
export function expectValidationErrorOnAnyOf(label: string, response: Response, candidates: string[]): void {
  expectValidationShape(label, response);
  const named = (response.body.details as Array<{ field: string }>).map((detail) => detail.field);
  expect({ label, namesOneOf: candidates, found: named.some((field) => candidates.includes(field)), named }).toEqual({ label, namesOneOf: candidates, found: true, named });
}

function expectValidationShape(label: string, response: Response): void {
  expect({ label, status: response.status, body: response.body }).toEqual({
    label,
    status: 400,
    body: { statusCode: 400, code: 'VALIDATION.FAILED', message: expect.any(String), details: expect.any(Array) },
  });
  expect({ label, details: response.body.details }).toEqual({ label, details: expect.arrayContaining([expect.anything()]) });
  for (const detail of response.body.details as unknown[]) {
    expect({ label, detail }).toEqual({ label, detail: { field: expect.any(String), reason: expect.any(String) } });
  }
}

/** Whatever the client sent: never a 5xx, and any refusal in the error shape. */
export function expectNoServerError(label: string, response: Response): void {
  expect({ label, status: response.status, below500: response.status < 500 }).toEqual({ label, status: response.status, below500: true });
  if (response.status >= 400) {
    expect({ label, body: response.body }).toEqual({
      label,
      body: expect.objectContaining({ statusCode: response.status, code: expect.any(String), message: expect.any(String) }),
    });
  }
}
