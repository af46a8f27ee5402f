import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProjectorModule } from '@app/processes';
import { lockDataDir, validateAppConfig } from '@app/runtime';

/** `npm run start:projector`: runs the projections in their own process (start the API with PROJECTOR=external). */
async function main(): Promise<void> {
  // Held until the process ends (the operating system frees it however the process ends).
  lockDataDir(validateAppConfig(process.env), 'projector');
  const app = await NestFactory.createApplicationContext(ProjectorModule.register({ run: true }), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  Logger.log('Projector running; stop with Ctrl+C', 'Projector');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
