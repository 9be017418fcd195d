import { parseRouteConstraint, type RouteConstraint } from './route-constraint';

/** A literal path segment, matched case-insensitively. */
export interface LiteralSegment {
  readonly kind: 'literal';
  /** Lower-cased. */
  readonly text: string;
}

/** `{name}`, `{name?}`, `{name=default}`, `{*name}` with optional `:constraint`s. */
export interface ParameterSegment {
  readonly kind: 'parameter';
  readonly name: string;
  readonly optional: boolean;
  readonly catchAll: boolean;
  readonly defaultValue: string | undefined;
  readonly constraints: readonly RouteConstraint[];
}

/** A parsed route template. */
export interface RouteTemplate {
  /** As written, without leading or trailing slashes. */
  readonly text: string;
  readonly segments: readonly (LiteralSegment | ParameterSegment)[];
}

/**
 * Parses an ASP.NET-style route template as the Functions host accepts it, limited to parameters
 * that fill a whole segment. Templates this host cannot serve faithfully throw.
 */
export function parseRouteTemplate(template: string): RouteTemplate {
  const text = template.replace(/^~?\/+/, '').replace(/\/+$/, '');
  const segments = text === '' ? [] : text.split('/').map(parseSegment);
  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    if (segment.kind === 'literal') return;
    if (segment.catchAll && !isLast) throw new Error(`catch-all {*${segment.name}} must be last`);
    const later = segments.slice(index + 1);
    if (segment.optional && later.some((next) => next.kind === 'literal' || !next.optional)) {
      throw new Error(`optional {${segment.name}?} may only be followed by optional parameters`);
    }
  });
  const names = segments.flatMap((segment) =>
    segment.kind === 'parameter' ? [segment.name.toLowerCase()] : [],
  );
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`parameter {${duplicate}} appears twice`);
  return { text, segments };
}

function parseSegment(segment: string): LiteralSegment | ParameterSegment {
  if (segment === '') throw new Error('empty segment (//)');
  const parameter = /^\{([^{}]+)\}$/.exec(segment);
  if (parameter?.[1] !== undefined) return parseParameter(parameter[1]);
  if (/[{}]/.test(segment)) {
    throw new Error(`segment "${segment}" mixes text and parameters, which is not supported`);
  }
  return { kind: 'literal', text: segment.toLowerCase() };
}

function parseParameter(body: string): ParameterSegment {
  const catchAll = body.startsWith('*');
  let rest = body.replace(/^\*{1,2}/, '');
  let defaultValue: string | undefined;
  const equals = rest.indexOf('=');
  if (equals >= 0) {
    defaultValue = rest.slice(equals + 1);
    rest = rest.slice(0, equals);
  }
  const optional = rest.endsWith('?');
  if (optional) rest = rest.slice(0, -1);
  const [name = '', ...constraints] = rest.split(':');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad parameter name in {${body}}`);
  if (optional && (catchAll || defaultValue !== undefined)) {
    throw new Error(`{${body}}: a catch-all or defaulted parameter cannot also be optional`);
  }
  return {
    kind: 'parameter',
    name,
    optional: optional || defaultValue !== undefined || catchAll,
    catchAll,
    defaultValue,
    constraints: constraints.map(parseRouteConstraint),
  };
}
