import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { STATUS_OF_KIND } from './api-error-catalog';
import { isStorageUnavailable, STORE_RETRY_AFTER_SECONDS } from './storage-failure';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  422: 'RULE.BROKEN',
  429: 'REQUEST.TOO_MANY',
  503: 'SERVICE.UNAVAILABLE',
};

/** Every error leaves in one shape: `{ statusCode, code, message, details? }`. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    if (body.statusCode === HttpStatus.INTERNAL_SERVER_ERROR) this.logger.error(error instanceof Error ? error.stack : String(error));
    // A 503 (stores unreachable, read models behind) is a condition the client is told to retry, not a defect.
    else if (body.statusCode >= 500) this.logger.warn(`${body.code}: ${body.message}`);
    if (body.code === 'STORE.UNAVAILABLE') response.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ApiErrorBody {
    if (error instanceof DomainError) {
      return { statusCode: STATUS_OF_KIND[error.kind], code: error.code, message: error.message, ...(error.details && { details: error.details }) };
    }
    if (error instanceof WrongExpectedRevisionError) {
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'CONCURRENCY.CONFLICT',
        message: `${error.streamId.startsWith('case-') ? 'The case' : 'It'} changed since you read it; read it again and retry`,
        details: { currentRevision: error.actual },
      };
    }
    if (isStorageUnavailable(error)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'STORE.UNAVAILABLE', message: 'The storage is unavailable (down, busy or full); retry later' };
    }
    if (error instanceof HttpException) return this.fromHttpException(error);
    const status = clientErrorStatus(error);
    if (status) {
      return { statusCode: status, code: CODE_OF_STATUS[status] ?? 'REQUEST.INVALID', message: (error as Error).message || 'Bad request' };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'Internal error' };
  }

  private fromHttpException(error: HttpException): ApiErrorBody {
    const statusCode = error.getStatus();
    const payload = error.getResponse();
    const fields = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
    const code = typeof fields.code === 'string' ? fields.code : (CODE_OF_STATUS[statusCode] ?? `HTTP.${statusCode}`);
    const message = typeof fields.message === 'string' ? fields.message : error.message;
    return { statusCode, code, message, ...(fields.details !== undefined && { details: fields.details }) };
  }
}

/** Errors raised by Express's body parser (malformed JSON, too large, bad charset) carry a 4xx status. */
function clientErrorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
