import type { ParameterSegment, RouteTemplate } from './route-template';

/** Route values by parameter name, as `request.params` gets them. */
export type RouteParams = Record<string, string>;

/**
 * Matches a URL path (still percent-encoded, leading slash, no query) against a template. One
 * trailing slash is ignored, as ASP.NET routing does. Returns the route values, or `undefined`.
 */
export function matchRouteTemplate(
  template: RouteTemplate,
  urlPath: string,
): RouteParams | undefined {
  const trimmed = urlPath.replace(/^\//, '').replace(/(.)\/$/, '$1');
  const pathSegments = trimmed === '' ? [] : trimmed.split('/');
  const params: RouteParams = {};
  for (const [index, segment] of template.segments.entries()) {
    if (segment.kind === 'parameter' && segment.catchAll) {
      const rest = decodeSegments(pathSegments.slice(index));
      return rest === undefined ? undefined : bindValue(segment, rest, params);
    }
    const raw = pathSegments[index];
    if (raw === undefined) {
      if (segment.kind === 'literal' || bindValue(segment, undefined, params) === undefined) return;
      continue;
    }
    const value = decodeSegments([raw]);
    if (value === undefined || value === '') return undefined;
    if (segment.kind === 'literal') {
      if (value.toLowerCase() !== segment.text) return undefined;
    } else if (bindValue(segment, value, params) === undefined) {
      return undefined;
    }
  }
  return pathSegments.length <= template.segments.length ? params : undefined;
}

/** Binds one parameter; `undefined` (or `''`) means "absent". Returns `undefined` on no match. */
function bindValue(
  segment: ParameterSegment,
  value: string | undefined,
  params: RouteParams,
): RouteParams | undefined {
  if (value === undefined || value === '') {
    if (!segment.optional) return undefined;
    if (segment.defaultValue !== undefined) params[segment.name] = segment.defaultValue;
    return params;
  }
  if (!segment.constraints.every((constraint) => constraint.test(value))) return undefined;
  params[segment.name] = value;
  return params;
}

function decodeSegments(segments: readonly string[]): string | undefined {
  try {
    return segments.map((segment) => decodeURIComponent(segment)).join('/');
  } catch {
    return undefined;
  }
}
