import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, Observable } from 'rxjs';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@app/domain';
import { seesNoPersonalData } from '../personal-data/report-consumer-view';
import { AccessAuditLog } from './access-audit.log';

const CASES_SHOWN = 'pqr:personal-data-cases';

/** Which cases' personal data a response shows (none: nothing is recorded). */
export type CasesShown = (response: unknown) => string[];

/**
 * On a staff read that shows a petitioner's personal data: once the response is ready and before
 * it leaves, the access is recorded (who, when, which case, which route). Should recording fail,
 * the read fails too (503): no access goes unrecorded.
 */
export const AuditsPersonalDataAccess = (casesShown: CasesShown) =>
  applyDecorators(
    SetMetadata(CASES_SHOWN, casesShown),
    UseInterceptors(AccessAuditInterceptor),
  );

@Injectable()
export class AccessAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AccessAuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const casesShown = this.reflector.get<CasesShown | undefined>(CASES_SHOWN, context.getHandler());
    const request = context.switchToHttp().getRequest<{ actor?: Actor; id?: string; method: string; route?: { path?: string } }>();
    return next.handle().pipe(
      mergeMap(async (response) => {
        const actor = request.actor;
        // A report consumer's read shows no personal data (the response is masked): not an access.
        if (!casesShown || !actor || seesNoPersonalData(actor)) return response;
        const route = `${request.method} ${request.route?.path ?? '?'}`;
        for (const caseId of casesShown(response)) {
          await this.audit.record({ caseId, actor, route, requestId: String(request.id ?? randomUUID()) });
        }
        return response;
      }),
    );
  }
}
