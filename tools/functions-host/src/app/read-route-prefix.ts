import path from 'node:path';
import { asJsonObject, readJsonFile } from './read-json-file';

const DEFAULT_ROUTE_PREFIX = 'api';

/**
 * Reads `extensions.http.routePrefix` from the app's host.json (default `api`; `""` removes the
 * prefix). host.json is required, as it is for `func start`.
 */
export function readRoutePrefix(appDir: string): string {
  const file = path.join(appDir, 'host.json');
  const hostJson = readJsonFile(file);
  if (hostJson === undefined) throw new Error(`${file} not found: is ${appDir} a Functions app?`);
  const http = asJsonObject(asJsonObject(asJsonObject(hostJson)?.['extensions'])?.['http']);
  const prefix = http?.['routePrefix'];
  if (prefix === undefined) return DEFAULT_ROUTE_PREFIX;
  if (typeof prefix !== 'string')
    throw new Error(`${file}: extensions.http.routePrefix must be a string.`);
  return prefix.replace(/^\/+|\/+$/g, '');
}
