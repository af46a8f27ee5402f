import type { INestApplication } from '@nestjs/common';

/** One route the application serves, as its Express router holds it. */
export interface AppRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the router names it: `/cases/:id/assignment`. */
  path: string;
  /** As the OpenAPI document (and the suites' fixtures) name it: `/cases/{id}/assignment`. */
  openApiPath: string;
  /** The `:name` parameters of the path. */
  params: string[];
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Swagger's own pages (`/docs`, `/docs-json`, its assets): documentation, public by design, not API routes. */
const isDocumentation = (path: string) => path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');
/** Middleware mounted for every path (`/{*path}`, e.g. the request logger) is not a route. */
const isMiddlewareMount = (path: string) => path.includes('{*');

/**
 * Every API route, read from the application's Express router, not from a list anyone wrote: a
 * route added to a controller shows up here, and the suites that use this fail until they know it.
 */
export function appRoutes(app: INestApplication): AppRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: AppRoute[] = [];
  for (const layer of stack) {
    if (!layer.route || isDocumentation(layer.route.path) || isMiddlewareMount(layer.route.path)) continue;
    const path = layer.route.path;
    for (const method of Object.keys(layer.route.methods).filter((name) => layer.route!.methods[name])) {
      routes.push({
        method: method.toUpperCase() as AppRoute['method'],
        path,
        openApiPath: path.replace(/:(\w+)/g, '{$1}'),
        params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1]),
      });
    }
  }
  return routes;
}

/** The route's path with each parameter replaced. */
export function fillPath(route: AppRoute, values: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'x');
}
