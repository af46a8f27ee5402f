import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AuthGuard } from '../auth/auth.guard';
import { AppConfig } from '../config/app-config';

const SCRAPER_TOKEN = /^Bearer\s+(\S+)$/i;

/** GET /metrics: a Prometheus server with `Bearer <METRICS_TOKEN>`, or a person whose JWT carries the `admin` role. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    private readonly auth: AuthGuard,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const token = SCRAPER_TOKEN.exec(header ?? '')?.[1];
    if (this.config.METRICS_TOKEN && token && sameSecret(token, this.config.METRICS_TOKEN)) return true;
    if (!this.auth.authenticate(header).roles.includes('admin')) throw new ForbiddenException('The metrics need the admin role or the METRICS_TOKEN');
    return true;
  }
}

/** Compared in constant time (over digests, so that the lengths need not match). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
