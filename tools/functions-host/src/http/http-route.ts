import { triggerBinding } from '../core/trigger-binding';
import type { RegisteredFunction } from '../core/worker-runtime';
import { parseRouteTemplate, type RouteTemplate } from './route-template';

/** An HTTP-triggered function as the router sees it. */
export interface HttpRoute {
  readonly fn: RegisteredFunction;
  /** Includes the route prefix. */
  readonly template: RouteTemplate;
  /** Upper-case. */
  readonly methods: readonly string[];
  /** Recorded, not enforced (Core Tools does not enforce it locally either). */
  readonly authLevel: string;
}

/** What a trigger without `methods` accepts; the library itself defaults to GET and POST. */
const ANY_METHOD = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE'];

/**
 * Builds the routes of the app's HTTP triggers: `route` (default: the function name) under the
 * host.json route prefix. A template this host cannot serve fails startup, naming the function.
 */
export function httpRoutesOf(
  functions: Iterable<RegisteredFunction>,
  routePrefix: string,
): HttpRoute[] {
  const routes: HttpRoute[] = [];
  for (const fn of functions) {
    const { binding, type } = triggerBinding(fn.metadata);
    if (type !== 'httptrigger') continue;
    const route = typeof binding['route'] === 'string' ? binding['route'] : fn.metadata.name;
    const fullRoute = [routePrefix, route.replace(/^\/+/, '')].filter((part) => part !== '');
    let template: RouteTemplate;
    try {
      template = parseRouteTemplate(fullRoute.join('/'));
    } catch (error) {
      throw new Error(
        `Function "${fn.metadata.name}", route "${route}": ${(error as Error).message}`,
      );
    }
    const methods = Array.isArray(binding['methods'])
      ? [...new Set(binding['methods'].map((method) => String(method).toUpperCase()))]
      : ANY_METHOD;
    const authLevel = typeof binding['authLevel'] === 'string' ? binding['authLevel'] : 'function';
    routes.push({ fn, template, methods, authLevel });
  }
  return routes;
}
