import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppModuleOptions } from './app.module';
import { ApiErrorFilter } from './http/api-error.filter';
import { createValidationPipe } from './http/validation';

/** Builds the HTTP application exactly as `npm start` runs it; tests call it too. */
export async function createApp(options: AppModuleOptions = {}, logger: false | undefined = undefined): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    logger: logger === false ? false : ['error', 'warn', 'log'],
    bodyParser: false,
    abortOnError: false,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('PQR case management')
      .setDescription('Event-sourced PQR / PQRSD cases (Colombia). Contract: shared/API.md. Errors: { statusCode, code, message, details? }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
