import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { AppConfig, lockDataDir, validateAppConfig } from '@app/runtime';
import { ApiErrorFilter } from './http/api-error.filter';
import { openApiDocument } from './http/openapi-document';
import { servePortal } from './portal/serve-portal';
import { createValidationPipe } from './http/validation';
import { hardenHttp } from './security/http-hardening';

/**
 * Builds the HTTP application exactly as `npm start` runs it; tests call it too. `logger: false`
 * silences the logs (unless `options.log.stream` asks for them).
 */
export async function createApp(options: AppModuleOptions = {}, logger: false | undefined = undefined): Promise<INestApplication> {
  const log = logger === false && !options.log?.stream ? { ...options.log, level: 'silent' as const } : options.log;
  // Before anything opens a file in DATA_DIR: a second API, or a second projector, stops here.
  const lock = lockDataDir(validateAppConfig({ ...process.env, ...options.config }), 'api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ ...options, log }), {
    // Until the pino logger takes over: Nest's own (silent with `logger: false`, as when start-up fails in a test).
    ...(logger === false && !options.log?.stream && { logger: false }),
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  }).catch((error: unknown) => {
    lock.release();
    throw error;
  });

  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  hardenHttp(app, app.get(AppConfig));
  servePortal(app, app.get(AppConfig));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return releasingOnClose(app, lock);
}

/** The application, whose `close()` also releases the DATA_DIR locks (Nest's own proxy ignores assigned properties). */
function releasingOnClose(app: INestApplication, lock: { release(): void }): INestApplication {
  const close = async () => {
    try {
      await app.close();
    } finally {
      lock.release();
    }
  };
  return new Proxy(app, { get: (target, property) => (property === 'close' ? close : Reflect.get(target, property)) });
}
