import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { readBoundedBody, requestMediaType } from '@ropc/functions-edge';
import type { Emulator } from '../emulator';
import { getEmulator } from '../emulator-instance';
import { checkAdminKey } from './admin-auth';
import { ADMIN_JSON_HEADERS, adminError } from './admin-error';
import { GraphError, graphErrorResponse } from './graph-error';
import type { JsonObject } from './graph-property-readers';

/** A handler of an admin route, given the emulator once the admin key checked out. */
export type AdminHandler = (emulator: Emulator, request: HttpRequest) => Promise<HttpResponseInit>;

/**
 * Wraps an admin handler: the admin-key check first (404 with the admin API off, 401 with a
 * missing or wrong key), then the handler, whose {@link GraphError}s become Graph error answers
 * and whose {@link BodyRefused} answers go out as they are.
 */
export function adminRoute(handler: AdminHandler) {
  return async (request: HttpRequest): Promise<HttpResponseInit> => {
    const emulator = await getEmulator();
    const refused = checkAdminKey(request, emulator.config);
    if (refused) return refused;
    try {
      return await handler(emulator, request);
    } catch (error) {
      if (error instanceof GraphError) return graphErrorResponse(error);
      if (error instanceof BodyRefused) return error.response;
      throw error;
    }
  };
}

/** A JSON answer of the admin API; never cached, as it may hold users' data. */
export function adminJson(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): HttpResponseInit {
  return {
    status,
    headers: { ...ADMIN_JSON_HEADERS, ...headers },
    jsonBody: body,
  };
}

/** Thrown by {@link readAdminJsonBody} to answer with the reader's own error response. */
export class BodyRefused extends Error {
  constructor(readonly response: HttpResponseInit) {
    super('request body refused');
    this.name = 'BodyRefused';
  }
}

/**
 * Reads an `application/json` object body of at most `maxBytes`.
 * @throws {BodyRefused} with the 415, 413 or 400 answer to send.
 */
export async function readAdminJsonBody(
  request: HttpRequest,
  maxBytes: number,
): Promise<JsonObject> {
  if (requestMediaType(request) !== 'application/json') {
    throw new BodyRefused(adminError(415, 'UnsupportedMediaType', 'Send application/json.'));
  }
  const bytes = await readBoundedBody(request, maxBytes);
  if (!bytes) {
    throw new BodyRefused(
      adminError(413, 'RequestTooLarge', `The body is larger than ${maxBytes} bytes.`),
    );
  }
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as JsonObject;
    }
  } catch {
    // Fall through to the same answer as for a non-object.
  }
  throw new BodyRefused(adminError(400, 'BadRequest', 'The body must be a JSON object.'));
}
