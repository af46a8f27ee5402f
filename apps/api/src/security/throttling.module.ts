import { ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { AppConfig } from '@app/runtime';

/** Routes anyone may call without a token, and so the ones a client could flood: throttled per client address. */
export const THROTTLED_PREFIXES = ['/public/', '/inbound/'];

export function isThrottledPath(path: string): boolean {
  return THROTTLED_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** How the public routes are throttled, for their OpenAPI descriptions. */
export const PUBLIC_THROTTLING =
  'Throttled per client address (PUBLIC_RATE_LIMIT a minute over every /public route) and per filing number (PUBLIC_CASE_RATE_LIMIT a minute over the routes of one case, from any address); wrong codes count.';

interface ThrottledRequest {
  path: string;
  ip?: string;
  params?: Record<string, unknown>;
}

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<ThrottledRequest>();
const prefixOf = (path: string) => THROTTLED_PREFIXES.find((prefix) => path.startsWith(prefix)) ?? path;
/** The route's `:filingNumber`, when it has one (`/public/cases/:filingNumber…`). */
const filingNumberOf = (request: ThrottledRequest) => (typeof request.params?.filingNumber === 'string' ? request.params.filingNumber : undefined);
const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url');

/**
 * Sends the standard `Retry-After` whichever limit refused the request: the throttler names the header
 * after any throttler but `default` (`Retry-After-case`), which no client reads.
 */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<{ header(name: string, value: number): void }>().header('Retry-After', detail.timeToBlockExpire);
    await super.throwThrottlingException(context, detail);
  }
}

/**
 * @nestjs/throttler on every route under /public/ and /inbound/, chosen by path so that a public route
 * added later is throttled without anyone remembering to (docs/adr/0035-public-throttling-per-address-and-case.md):
 * - `default`: PUBLIC_RATE_LIMIT requests a minute per client address (TRUST_PROXY decides which address
 *   that is) over all the routes of the prefix together, so that no route multiplies a client's attempts;
 * - `case`: PUBLIC_CASE_RATE_LIMIT requests a minute per filing number over the routes of that case, from
 *   any address, so that many addresses cannot guess one case's code. Checked after the address's limit:
 *   a request one address may not send does not count against the case.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          {
            // Named `default`: the throttler suffixes every other name to its headers (`X-RateLimit-Limit-case`).
            name: 'default',
            ttl: 60_000,
            limit: config.PUBLIC_RATE_LIMIT,
            skipIf: (context: ExecutionContext) => !isThrottledPath(requestOf(context).path),
            generateKey: (context: ExecutionContext, address: string) => keyOf('address', prefixOf(requestOf(context).path), address),
          },
          {
            name: 'case',
            ttl: 60_000,
            limit: config.PUBLIC_CASE_RATE_LIMIT,
            setHeaders: false,
            skipIf: (context: ExecutionContext) => !isThrottledPath(requestOf(context).path) || filingNumberOf(requestOf(context)) === undefined,
            getTracker: (request: Record<string, unknown>) => filingNumberOf(request as unknown as ThrottledRequest) ?? '',
            generateKey: (_context: ExecutionContext, filingNumber: string) => keyOf('case', filingNumber),
          },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: PublicThrottlerGuard }],
})
export class ThrottlingModule {}
