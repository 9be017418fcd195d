import {
  isOperationMethod,
  type OpenApiDocument,
  type OpenApiOperation,
  type OperationMethod,
} from './openapi-document';

/** The operation a request maps to: its path template, method and Operation Object. */
export interface MatchedOperation {
  readonly pathTemplate: string;
  readonly method: OperationMethod;
  readonly operation: OpenApiOperation;
}

/** Why a request maps to no operation: no path template matches, or the path lacks the method. */
export type OperationMismatch =
  | { readonly kind: 'undocumented_path' }
  | { readonly kind: 'undocumented_method'; readonly pathTemplate: string };

const segmentsOf = (path: string): string[] => path.split('/').slice(1);

const isTemplated = (segment: string): boolean => /\{[^}]+\}/.test(segment);

/** A template segment as a regular expression: each `{name}` is one or more characters. */
function segmentPattern(segment: string): RegExp {
  const source = segment
    .split(/(\{[^}]+\})/)
    .map((part) => (isTemplated(part) ? '[\\s\\S]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Orders templates as OpenAPI 3.1 §4.8.8 asks ("concrete paths are matched before their templated
 * counterparts"): segment by segment from the left, a literal segment before a templated one.
 */
function compareSpecificity(a: string, b: string): number {
  const left = segmentsOf(a);
  const right = segmentsOf(b);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference =
      Number(isTemplated(left[index] ?? '')) - Number(isTemplated(right[index] ?? ''));
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Whether decoded path segments fit `template` (same segment count, each segment fits). */
export function pathFitsTemplate(actual: readonly string[], template: string): boolean {
  const expected = segmentsOf(template);
  if (actual.length !== expected.length) return false;
  return expected.every((segment, index) => {
    const value = actual[index] ?? '';
    return isTemplated(segment) ? segmentPattern(segment).test(value) : segment === value;
  });
}

/**
 * Finds the operation of `method` on `pathname` (a URL's path, percent-encoded as sent) with
 * OpenAPI path templating. Segments are compared decoded, so `/users/a%40b` fits `/users/{id}`.
 */
export function matchOperation(
  document: OpenApiDocument,
  method: string,
  pathname: string,
): MatchedOperation | OperationMismatch {
  // Decoded one by one: an encoded `/` stays inside its segment. One trailing `/` is dropped,
  // as the Functions host's routing does.
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const segments = segmentsOf(trimmed).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const candidates = Object.keys(document.paths)
    .filter((template) => pathFitsTemplate(segments, template))
    .sort(compareSpecificity);
  const [pathTemplate] = candidates;
  if (pathTemplate === undefined) return { kind: 'undocumented_path' };
  const lower = method.toLowerCase();
  const operation = isOperationMethod(lower) ? document.paths[pathTemplate]?.[lower] : undefined;
  if (operation === undefined || !isOperationMethod(lower))
    return { kind: 'undocumented_method', pathTemplate };
  return { pathTemplate, method: lower, operation };
}
