import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { carriesBearer } from '@app/metrics';
import { AuthGuard } from '../auth/auth.guard';
import { AppConfig } from '@app/runtime';

/** GET /metrics: a Prometheus server with `Bearer <METRICS_TOKEN>`, or a person whose JWT carries the `admin` role. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    private readonly auth: AuthGuard,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    if (this.config.METRICS_TOKEN && carriesBearer(header, this.config.METRICS_TOKEN)) return true;
    if (!this.auth.authenticate(header).roles.includes('admin')) throw new ForbiddenException('The metrics need the admin role or the METRICS_TOKEN');
    return true;
  }
}
