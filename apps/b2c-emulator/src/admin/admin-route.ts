import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { readBoundedBody, requestMediaType } from '@ropc/functions-edge';
import type { Emulator } from '../emulator';
import type { TenantRuntime } from '../tenant/tenant-runtime';
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
 * and whose {@link AdminRefusal} answers go out as they are.
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
      if (error instanceof AdminRefusal) return error.response;
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

/** Thrown to answer with an error response of its own (a refused body, an unknown tenant). */
export class AdminRefusal extends Error {
  constructor(readonly response: HttpResponseInit) {
    super('admin request refused');
    this.name = 'AdminRefusal';
  }
}

/**
 * Reads an `application/json` object body of at most `maxBytes`.
 * @throws {AdminRefusal} with the 415, 413 or 400 answer to send.
 */
export async function readAdminJsonBody(
  request: HttpRequest,
  maxBytes: number,
): Promise<JsonObject> {
  if (requestMediaType(request) !== 'application/json') {
    throw new AdminRefusal(adminError(415, 'UnsupportedMediaType', 'Send application/json.'));
  }
  const bytes = await readBoundedBody(request, maxBytes);
  if (!bytes) {
    throw new AdminRefusal(
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
  throw new AdminRefusal(adminError(400, 'BadRequest', 'The body must be a JSON object.'));
}

/** A handler of an admin route that acts on one tenant ({@link adminTenant}). */
export type AdminTenantHandler = (
  emulator: Emulator,
  tenant: TenantRuntime,
  request: HttpRequest,
) => Promise<HttpResponseInit>;

/** {@link adminRoute} for a route that acts on one tenant: `?tenant=`, else the default. */
export function adminTenantRoute(handler: AdminTenantHandler) {
  return adminRoute((emulator, request) =>
    handler(emulator, adminTenant(emulator, request), request),
  );
}

/**
 * The tenant an admin or Graph-shaped request acts on: `?tenant=` (its domain name or id, any
 * case), else the first B2C tenant (docs/architecture.md). An unknown tenant is a 404 naming the
 * tenants there are; a repeated `tenant` a 400.
 */
export function adminTenant(emulator: Emulator, request: HttpRequest): TenantRuntime {
  // From the URL itself: the Functions host hands a repeated key over comma-joined.
  const named = new URL(request.url).searchParams.getAll('tenant');
  if (named.length === 0) return emulator.defaultTenant;
  const runtime = named.length === 1 ? emulator.tenantAt(named[0] ?? '') : undefined;
  if (named.length > 1)
    throw new AdminRefusal(adminError(400, 'BadRequest', '"tenant" must be given at most once.'));
  if (!runtime) {
    const known = emulator.tenants.map((each) => each.tenant.name).join(', ');
    throw new AdminRefusal(
      adminError(404, 'TenantNotFound', `No such tenant; the emulator has: ${known}.`),
    );
  }
  return runtime;
}
