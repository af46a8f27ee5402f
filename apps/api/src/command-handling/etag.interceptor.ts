import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** Responses that carry a case revision send it as the ETag too (the value for a later If-Match). */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: { revision?: unknown }) => {
        if (typeof body?.revision === 'number') context.switchToHttp().getResponse<Response>().setHeader('ETag', `"${body.revision}"`);
        return body;
      }),
    );
  }
}
