// @ts-check
// The part of Azure Static Web Apps' `staticwebapp.config.json` that decides what a static
// request gets: route rules (headers, rewrite, redirect, status), the navigation fallback with
// its exclusions, global headers, MIME types and the 404 override. serve-web.mjs applies the very
// file the app deploys with, so local answers carry the same headers as the cloud's.
// Rules as documented at https://learn.microsoft.com/azure/static-web-apps/configuration:
// the first matching route wins; a wildcard only at the end of a path, optionally filtered by
// extension (`/*.{js,css}`); route headers override global ones, an empty value removes one.
// Not applied here: allowedRoles (no SWA authentication locally), networking, auth sections —
// a config using them is refused, since the local answers would then differ from the cloud's.
import { existsSync, readFileSync } from 'node:fs';

/**
 * @typedef {{ route: string, methods?: string[], headers?: Record<string, string>,
 *   rewrite?: string, redirect?: string, statusCode?: number }} RouteRule
 * @typedef {{ routes: RouteRule[], globalHeaders: Record<string, string>,
 *   navigationFallback?: { rewrite: string, exclude: string[] },
 *   mimeTypes: Record<string, string>, notFoundRewrite?: string }} StaticWebAppConfig
 * @typedef {{ kind: 'file', path: string, status: number, headers: Record<string, string> }
 *   | { kind: 'redirect', location: string, status: number, headers: Record<string, string> }
 *   | { kind: 'status', status: number, headers: Record<string, string> }} Plan
 */

const UNSUPPORTED = ['auth', 'networking', 'forwardingGateway', 'platform'];

/**
 * @typedef {{ routes?: (RouteRule & { allowedRoles?: string[] })[],
 *   globalHeaders?: Record<string, string>,
 *   navigationFallback?: { rewrite: string, exclude?: string[] },
 *   mimeTypes?: Record<string, string>,
 *   responseOverrides?: Record<string, { rewrite?: string }> }} RawConfig
 */

/**
 * Reads and checks a config file; an absent file is an empty config (SWA's defaults).
 * @param {string} file
 * @returns {StaticWebAppConfig}
 */
export function loadStaticWebAppConfig(file) {
  if (!existsSync(file)) return { routes: [], globalHeaders: {}, mimeTypes: {} };
  /** @type {unknown} */
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: not a JSON object`);
  const raw = /** @type {RawConfig} */ (parsed);
  const unsupported = UNSUPPORTED.filter((key) => key in raw);
  if ((raw.routes ?? []).some((rule) => rule.allowedRoles))
    unsupported.push('routes[].allowedRoles');
  if (unsupported.length > 0)
    throw new Error(`${file}: ${unsupported.join(', ')} cannot be applied by the local web server`);
  const fallback = raw.navigationFallback;
  return {
    routes: raw.routes ?? [],
    globalHeaders: raw.globalHeaders ?? {},
    navigationFallback: fallback
      ? { rewrite: absolute(fallback.rewrite), exclude: fallback.exclude ?? [] }
      : undefined,
    mimeTypes: raw.mimeTypes ?? {},
    notFoundRewrite: raw.responseOverrides?.['404']?.rewrite,
  };
}

/** @param {string} path */
function absolute(path) {
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * Whether a route pattern matches a request path. `/a/index.html` also matches `/a` and `/a/`
 * (index.html is the default file); `/a*` matches everything starting with `/a`; `/a/*` what is
 * under `/a/`; `/a/*.{png,jpg}` only those extensions under `/a/`.
 * @param {string} pattern
 * @param {string} path
 */
export function routeMatches(pattern, path) {
  const star = pattern.indexOf('*');
  if (star === -1) {
    const lower = pattern.toLowerCase();
    const requested = path.toLowerCase();
    if (requested === lower) return true;
    if (!lower.endsWith('/index.html')) return false;
    const folder = lower.slice(0, -'index.html'.length);
    return requested === folder || requested === folder.slice(0, -1);
  }
  const prefix = pattern.slice(0, star).toLowerCase();
  const filter = pattern.slice(star + 1);
  if (!path.toLowerCase().startsWith(prefix)) return false;
  if (filter === '') return true;
  const extensions = /^\.\{(.+)\}$/.exec(filter)?.[1]?.split(',') ?? [filter.replace(/^\./, '')];
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && extensions.some((one) => one.trim() === extension);
}

/**
 * Global headers with a route's on top; an empty value removes the header.
 * @param {Record<string, string>} global
 * @param {Record<string, string> | undefined} route
 */
function mergeHeaders(global, route) {
  /** @type {Record<string, string>} */
  const merged = {};
  for (const [name, value] of Object.entries({ ...lowerKeys(global), ...lowerKeys(route ?? {}) }))
    if (value !== '') merged[name] = value;
  return merged;
}

/** @param {Record<string, string>} headers */
function lowerKeys(headers) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * What a GET or HEAD of `path` gets under the config, given which files exist.
 * @param {StaticWebAppConfig} config
 * @param {string} method
 * @param {string} path The decoded request path.
 * @param {(path: string) => boolean} isFile Whether the root holds a file at this path.
 * @returns {Plan}
 */
export function planStaticResponse(config, method, path, isFile) {
  const rule = config.routes.find(
    (candidate) =>
      routeMatches(candidate.route, path) &&
      (!candidate.methods || candidate.methods.some((m) => m.toUpperCase() === method)),
  );
  const headersFor = (/** @type {RouteRule | undefined} */ matched) =>
    mergeHeaders(config.globalHeaders, matched?.headers);
  if (rule?.redirect) {
    return {
      kind: 'redirect',
      location: rule.redirect,
      status: rule.statusCode ?? 302,
      headers: headersFor(rule),
    };
  }
  const target = rule?.rewrite ?? path;
  if (rule?.statusCode && !rule.rewrite && !isFile(target))
    return { kind: 'status', status: rule.statusCode, headers: headersFor(rule) };
  if (isFile(target) || isFile(withIndex(target))) {
    const file = isFile(target) ? target : withIndex(target);
    return { kind: 'file', path: file, status: rule?.statusCode ?? 200, headers: headersFor(rule) };
  }
  const fallback = config.navigationFallback;
  if (
    fallback &&
    isFile(fallback.rewrite) &&
    !fallback.exclude.some((pattern) => routeMatches(pattern, path))
  ) {
    // The fallback document gets the headers its own route rule gives it (e.g. no caching).
    const fallbackRule = config.routes.find((candidate) =>
      routeMatches(candidate.route, fallback.rewrite),
    );
    return { kind: 'file', path: fallback.rewrite, status: 200, headers: headersFor(fallbackRule) };
  }
  // A miss never carries the matched route's headers: a year-long cache rule for `/*.js` must not
  // make a browser keep the 404 of a chunk that a deployment is about to publish.
  if (config.notFoundRewrite && isFile(config.notFoundRewrite))
    return {
      kind: 'file',
      path: config.notFoundRewrite,
      status: 404,
      headers: headersFor(undefined),
    };
  return { kind: 'status', status: 404, headers: headersFor(undefined) };
}

/** @param {string} path */
function withIndex(path) {
  return path.endsWith('/') ? `${path}index.html` : `${path}/index.html`;
}
