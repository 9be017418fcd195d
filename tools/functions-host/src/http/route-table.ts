import type { HttpRoute } from './http-route';
import { matchRouteTemplate, type RouteParams } from './match-route-template';
import type { RouteTemplate } from './route-template';

/** The outcome of routing one request. */
export type RouteMatch =
  | { readonly kind: 'matched'; readonly route: HttpRoute; readonly params: RouteParams }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

/**
 * Routes requests to HTTP triggers. Routes are tried most specific first (per segment: literal,
 * constrained parameter, parameter, optional parameter, catch-all), then in registration order; a
 * route whose path matches but whose methods do not is skipped, as with ASP.NET's method
 * constraint. If no route takes the method but some matched the path, the answer is 405.
 */
export class RouteTable {
  /** In registration order. */
  readonly routes: readonly HttpRoute[];
  readonly #byPrecedence: readonly HttpRoute[];

  constructor(routes: readonly HttpRoute[]) {
    this.routes = [...routes];
    this.#byPrecedence = [...routes].sort((a, b) => comparePrecedence(a.template, b.template));
  }

  /** Finds the route for `method` and `urlPath` (percent-encoded, without the query). */
  match(method: string, urlPath: string): RouteMatch {
    const allow = new Set<string>();
    for (const route of this.#byPrecedence) {
      const params = matchRouteTemplate(route.template, urlPath);
      if (!params) continue;
      if (route.methods.includes(method.toUpperCase())) return { kind: 'matched', route, params };
      for (const allowed of route.methods) allow.add(allowed);
    }
    if (allow.size === 0) return { kind: 'not-found' };
    return { kind: 'method-not-allowed', allow: [...allow].sort() };
  }
}

function comparePrecedence(a: RouteTemplate, b: RouteTemplate): number {
  const rankA = a.segments.map(segmentRank);
  const rankB = b.segments.map(segmentRank);
  for (let index = 0; index < Math.min(rankA.length, rankB.length); index++) {
    const difference = (rankA[index] ?? 0) - (rankB[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return rankA.length - rankB.length;
}

function segmentRank(segment: RouteTemplate['segments'][number]): number {
  if (segment.kind === 'literal') return 0;
  if (segment.catchAll) return 4;
  if (segment.optional) return 3;
  return segment.constraints.length > 0 ? 1 : 2;
}
