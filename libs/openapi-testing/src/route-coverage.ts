import { OPERATION_METHODS, type OpenApiDocument } from './openapi-document';

/** An HTTP route as the Functions host lists it: template under the route prefix, methods. */
export interface RegisteredRoute {
  /** e.g. `api/notes/{id}` or `api/auth/native/{*path}` (the prefix included, no leading `/`). */
  readonly template: string;
  readonly methods: readonly string[];
}

/** What one side has that the other lacks, as `METHOD /path` lines. */
export interface RouteCoverage {
  /** Registered (route, method) pairs no operation describes. */
  readonly undocumented: readonly string[];
  /** Operations no registered route serves. */
  readonly unregistered: readonly string[];
}

/** A template's segments, each parameter (`{id}`, `{id:guid}`, `{id?}`) as `{}`. */
const normalised = (template: string): string[] =>
  template
    .replace(/^\//, '')
    .split('/')
    .map((segment) => (segment.includes('{') ? '{}' : segment));

const isCatchAll = (template: string): boolean => /\{\*[^}]+\}$/.test(template);

/** Whether a document path is served by a route (a catch-all serves one or more segments). */
function routeServes(route: string, documentPath: string): boolean {
  const routeSegments = normalised(route);
  const pathSegments = normalised(documentPath);
  if (isCatchAll(route)) {
    const prefix = routeSegments.slice(0, -1);
    return (
      pathSegments.length > prefix.length &&
      prefix.every((segment, index) => segment === pathSegments[index])
    );
  }
  return (
    routeSegments.length === pathSegments.length &&
    routeSegments.every((segment, index) => segment === pathSegments[index])
  );
}

/**
 * Compares the routes an app registers with the operations its document describes, both ways.
 * Parameter names need not agree (the host's `{*path}` is described path by path); `skip` leaves
 * out registered routes that are deliberately not described (another team's routes, say).
 */
export function compareRoutesWithDocument(
  routes: readonly RegisteredRoute[],
  document: OpenApiDocument,
  skip: (route: RegisteredRoute) => boolean = () => false,
): RouteCoverage {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    OPERATION_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      path,
      method: method.toUpperCase(),
    })),
  );
  const served = routes.filter((route) => !skip(route));
  const undocumented = served.flatMap((route) =>
    route.methods
      .map((method) => method.toUpperCase())
      .filter(
        (method) =>
          !operations.some(
            (operation) =>
              operation.method === method && routeServes(route.template, operation.path),
          ),
      )
      .map((method) => `${method} /${route.template}`),
  );
  const unregistered = operations
    .filter(
      (operation) =>
        !routes.some(
          (route) =>
            route.methods.some((method) => method.toUpperCase() === operation.method) &&
            routeServes(route.template, operation.path),
        ),
    )
    .map((operation) => `${operation.method} ${operation.path}`);
  return { undocumented, unregistered };
}
