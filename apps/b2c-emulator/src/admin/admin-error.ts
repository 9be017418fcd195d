import type { HttpResponseInit } from '@azure/functions';

/** An admin API error in Microsoft Graph's shape: `{ "error": { "code", "message" } }`. */
export function adminError(status: number, code: string, message: string): HttpResponseInit {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    jsonBody: { error: { code, message } },
  };
}

/** Reads a JSON object body of at most `maxBytes`, or returns the error answer to send. */
export async function readJsonObject(
  request: { text(): Promise<string>; headers: { get(name: string): string | null } },
  maxBytes: number,
): Promise<{ value: Record<string, unknown> } | { error: HttpResponseInit }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return { error: adminError(415, 'UnsupportedMediaType', 'Send application/json.') };
  }
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBytes) {
    return {
      error: adminError(413, 'RequestTooLarge', `The body is larger than ${maxBytes} bytes.`),
    };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return { value: value as Record<string, unknown> };
    }
  } catch {
    // Fall through to the same answer as for a non-object.
  }
  return { error: adminError(400, 'BadRequest', 'The body must be a JSON object.') };
}
