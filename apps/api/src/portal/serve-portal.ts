import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from '@app/runtime';
import { isPortalPage } from './portal-pages';

/** dist/portal of this installation: next to the package.json above this file (in the repository as in the image). */
function installedPortalDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'portal');
}

/**
 * Serves the customer portal's build from this process: its hashed assets under /assets, and its
 * index.html for each of its pages (the browser's router shows the page). Without a build the API
 * runs as before and says so once: the pages answer the API's JSON 404.
 */
export function servePortal(app: NestExpressApplication, config: AppConfig): void {
  const logger = new Logger('Portal');
  const dir = resolve(config.PORTAL_DIR ?? installedPortalDir());
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`No customer portal build in ${dir}: the portal pages answer 404 (npm start or npm run build builds it)`);
    return;
  }
  // Asset names carry their content's hash: a browser may keep them for good.
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets', index: false, immutable: true, maxAge: '1y' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    // A typed or pasted `/radicar/` reaches the page the browser's router knows (`/radicar`).
    const withoutSlash = request.path.replace(/\/+$/, '');
    if (withoutSlash !== request.path && withoutSlash && isPortalPage(withoutSlash)) {
      const queryStart = request.originalUrl.indexOf('?');
      return response.redirect(308, withoutSlash + (queryStart === -1 ? '' : request.originalUrl.slice(queryStart)));
    }
    if (!isPortalPage(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index, (error?: Error) => error && next(error));
  });
  logger.log(`Customer portal at / from ${dir}`);
}
