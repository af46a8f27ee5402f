import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { carriesBearer } from '@app/metrics';
import { BearerAuthenticator } from '../auth/bearer-authenticator';
import { AppConfig } from '@app/runtime';

/** GET /metrics: a Prometheus server with `Bearer <METRICS_TOKEN>`, or a person whose JWT carries the `admin` role. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    private readonly bearer: BearerAuthenticator,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    if (this.config.METRICS_TOKEN && carriesBearer(header, this.config.METRICS_TOKEN)) return true;
    if (!(await this.bearer.authenticate(header)).roles.includes('admin')) throw new ForbiddenException('The metrics need the admin role or the METRICS_TOKEN');
    return true;
  }
}
