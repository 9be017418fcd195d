import type { ServerResponse } from 'node:http';

/**
 * Answers with the host's own error, `{"error":"<code>"}`, for requests that never reach a
 * handler (404, 405, 413...) or whose handler failed (500, no details).
 */
export function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = Buffer.from(JSON.stringify({ error: code }));
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.length),
  });
  res.end(body);
}
