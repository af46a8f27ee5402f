/**
 * The baseline for http-file-case: a minimal NestJS (Express) app with one POST route that parses
 * the JSON body like the API does and returns a small JSON. No guard, validation, store or Swagger.
 * Run as a child process by the benchmark: PORT=… node -r ts-node/register/transpile-only bench/bare-nest-app.ts
 */
import 'reflect-metadata';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';

@Controller()
class BareController {
  @Post('bare')
  create(@Body() body: { subject?: string }): { id: string; subject: number } {
    return { id: randomUUID(), subject: body.subject?.length ?? 0 };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  // Same body parsing as apps/api/src/bootstrap.ts.
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: false, bodyParser: false });
  app.useBodyParser('json', { limit: '1mb' });
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 3001), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
