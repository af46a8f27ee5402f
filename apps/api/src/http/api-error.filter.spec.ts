import { ArgumentsHost, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiErrorFilter } from './api-error.filter';

function hostReplyingTo(reply: { status?: number; body?: unknown }): ArgumentsHost {
  const response = {
    setHeader: () => response,
    status: (status: number) => ((reply.status = status), response),
    json: (body: unknown) => ((reply.body = body), response),
  };
  return { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
}

describe('ApiErrorFilter: what it logs', () => {
  let error: jest.SpyInstance, warn: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('a 503 the client is told to retry (read models behind) is a warning with its code, not an error with a stack', () => {
    const reply: { status?: number } = {};
    new ApiErrorFilter().catch(new ServiceUnavailableException({ code: 'READ_MODEL.BEHIND', message: 'not yet' }), hostReplyingTo(reply));
    expect(reply.status).toBe(503);
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('READ_MODEL.BEHIND'));
  });

  it('an unexpected failure is a 500 logged as an error with its stack', () => {
    const reply: { status?: number } = {};
    new ApiErrorFilter().catch(new Error('boom'), hostReplyingTo(reply));
    expect(reply.status).toBe(500);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('Error: boom'));
  });
});
