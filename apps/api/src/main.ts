import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { validateAppConfig } from '@app/runtime';

async function main(): Promise<void> {
  const config = validateAppConfig(process.env);
  const app = await createApp();
  await app.listen(config.PORT);
  Logger.log(`PQR API on http://localhost:${config.PORT} (docs: /docs, data: ${config.DATA_DIR})`, 'Main');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
