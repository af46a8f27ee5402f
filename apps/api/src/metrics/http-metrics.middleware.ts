import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PqrMetrics } from '@app/metrics';

/** A request no route matched: one label for all of them, so that scanners cannot grow the series. */
const UNMATCHED = 'unmatched';

/** Statuses a command answers with, by what they mean (API.md's errors). */
export function commandOutcomeOf(status: number): string {
  if (status < 400) return 'accepted';
  if (status === 400) return 'invalid';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 422) return 'rejected';
  if (status === 429) return 'throttled';
  return status < 500 ? 'refused' : 'error';
}

/**
 * Counts every response by method, route pattern and status, and times each command (every POST
 * route) by outcome. Runs when the response is sent, so requests a guard or a filter answered count too.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: PqrMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stopCommand = request.method === 'POST' ? this.metrics.commandDuration.startTimer() : undefined;
    response.once('finish', () => {
      const route = routeOf(request);
      this.metrics.httpRequests.inc({ method: request.method, route, status: String(response.statusCode) });
      stopCommand?.({ route, outcome: commandOutcomeOf(response.statusCode) });
    });
    next();
  }
}

/** The route pattern that answered; Nest mounts middleware as a catch-all route (`/{*path}`), which is no route of ours. */
function routeOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' && !pattern.includes('{*') ? `${request.baseUrl}${pattern}` : UNMATCHED;
}
