import type { IncomingMessage } from 'node:http';

/** `/admin/functions/{name}`: Core Tools' route for running a non-HTTP function on demand. */
const ADMIN_FUNCTION_PATH = /^\/admin\/functions\/([A-Za-z][\w-]{0,127})\/?$/iu;

/**
 * The function name of a `POST /admin/functions/{name}` request, which `func start` serves
 * outside the app's route prefix; undefined for every other request.
 */
export function adminFunctionName(req: IncomingMessage, pathname: string): string | undefined {
  return req.method === 'POST' ? ADMIN_FUNCTION_PATH.exec(pathname)?.[1] : undefined;
}
