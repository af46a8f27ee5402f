import { ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@app/runtime';

/** Routes anyone may call without a token, and so the ones a client could flood: throttled per client address. */
export const THROTTLED_PREFIXES = ['/public/', '/inbound/'];

export function isThrottledPath(path: string): boolean {
  return THROTTLED_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * @nestjs/throttler on every route under /public/ (and /inbound/ once it exists): PUBLIC_RATE_LIMIT
 * requests per minute per client address (TRUST_PROXY decides which address that is), then 429.
 * Chosen by path, so that a public route added later is throttled without anyone remembering to.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Named `default`: the throttler suffixes every other name to its headers (`Retry-After-public`), which no client reads.
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.PUBLIC_RATE_LIMIT }],
        skipIf: (context: ExecutionContext) => !isThrottledPath(context.switchToHttp().getRequest<{ path: string }>().path),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
export class ThrottlingModule {}
