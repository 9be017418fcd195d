import type { HttpResponseInit } from '@azure/functions';

/** The headers of every JSON answer of the admin API: it may hold users' data, so never cached. */
export const ADMIN_JSON_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

/** An admin API error in Microsoft Graph's shape: `{ "error": { "code", "message" } }`. */
export function adminError(status: number, code: string, message: string): HttpResponseInit {
  return { status, headers: { ...ADMIN_JSON_HEADERS }, jsonBody: { error: { code, message } } };
}
