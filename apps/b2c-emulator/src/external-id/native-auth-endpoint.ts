import type { HttpRequest, InvocationContext } from '@azure/functions';
import { readBoundedBody, requestClientIp, requestMediaType } from '@ropc/functions-edge';
import { decodeNativeAuthBody } from '@ropc/protocol/native-auth';
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator';
import type { TenantRouteHandler } from '../functions/tenant-route';
import { requestOrigin } from '../http/request-origin';
import type { Application, ExternalIdTenant } from '../tenant/tenant-model';
import type { TenantRuntime } from '../tenant/tenant-runtime';
import type { NativeAuthContext } from './native-auth-context';
import { REQUEST_ID_HEADER, nativeAuthCorsHeaders, nativeAuthPreflight } from './native-auth-cors';
import { inGrantSpan } from '../telemetry/grant-span';
import { NativeAuthRefusal } from './native-auth-refusal';

/** A native-authentication step: the 200 body, or a thrown {@link NativeAuthRefusal}. */
export type NativeAuthStep = (context: NativeAuthContext) => Promise<object>;

/** The largest body read (docs/entra-native-auth-protocol.md §9); `attributes` is the largest field. */
export const MAX_NATIVE_AUTH_BODY_BYTES = 16 * 1024;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything a step may not see before it runs: method, tenant, limits, body, client. */
async function checkedContext(
  request: HttpRequest,
  emulator: Emulator,
  runtime: TenantRuntime<ExternalIdTenant> | undefined,
  now: number,
): Promise<NativeAuthContext> {
  if (request.method !== 'POST')
    throw NativeAuthRefusal.custom(
      400,
      'invalid_request',
      [900561],
      'The endpoint only accepts POST requests.',
    );
  if (!runtime) {
    const named = (request.params['tenant'] ?? '').slice(0, 100);
    throw NativeAuthRefusal.custom(400, 'invalid_request', [90002], `Tenant '${named}' not found.`);
  }
  // Without X-Forwarded-For every client shares one bucket: the limit fails closed.
  const clientIp = requestClientIp(request, emulator.config.trustedHops) ?? 'unknown';
  const limit = await runtime.serviceLimits.hit(clientIp);
  if (limit.limited)
    throw NativeAuthRefusal.custom(
      429,
      'temporarily_unavailable',
      [90055],
      'There are too many incoming requests. Retry after the time in Retry-After.',
      { headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  const params = await readForm(request);
  return {
    emulator,
    runtime,
    client: checkClient(runtime.tenant, params.get('client_id')),
    params,
    clientIp,
    origin: requestOrigin(request, emulator.config),
    now,
  };
}

/** The form body, strictly decoded (§2.1): anything else is `invalid_request`. */
async function readForm(request: HttpRequest): Promise<ReadonlyMap<string, string>> {
  if (requestMediaType(request) !== 'application/x-www-form-urlencoded')
    throw NativeAuthRefusal.invalid('Content-Type', 'send application/x-www-form-urlencoded.');
  const bytes = await readBoundedBody(request, MAX_NATIVE_AUTH_BODY_BYTES);
  if (!bytes)
    throw NativeAuthRefusal.invalid(
      'body',
      `it is larger than ${MAX_NATIVE_AUTH_BODY_BYTES} bytes.`,
    );
  const decoded = decodeNativeAuthBody(bytes, { maxBytes: MAX_NATIVE_AUTH_BODY_BYTES });
  if (decoded.ok) return decoded.fields;
  if (decoded.error.code === 'duplicate_parameter')
    throw NativeAuthRefusal.invalid(decoded.error.parameter ?? 'body', 'it is repeated.');
  throw NativeAuthRefusal.invalid('body', 'it is not a valid UTF-8 form.');
}

/**
 * The calling app (§7.2): a client id the tenant does not know is `unauthorized_client`; an app
 * that is not a public client or has native authentication off is `invalid_client` with
 * `nativeauthapi_disabled`.
 */
function checkClient(tenant: ExternalIdTenant, clientId: string | undefined): Application {
  if (clientId === undefined) throw NativeAuthRefusal.missing('client_id');
  const client = GUID.test(clientId)
    ? tenant.applications.find((app) => app.id.toLowerCase() === clientId.toLowerCase())
    : undefined;
  if (!client || !client.enabled) throw NativeAuthRefusal.of('unknown_client');
  if (!client.publicClient || !client.nativeAuthEnabled)
    throw NativeAuthRefusal.of('native_auth_disabled');
  return client;
}

/**
 * A native-authentication endpoint of an External ID tenant: CORS (in `permissive` mode), then the
 * checks every endpoint shares, then `step`. Answers `Cache-Control: no-store`, an
 * `x-ms-request-id`, and errors in the native-auth envelope (§2.5) with the same id as their
 * `trace_id`. A tenant-id path of a tenant whose `fidelity.tenantIdPaths` is off answers an empty
 * 404, as one report saw the service do (§1.1) — except the token endpoint, which the tenant's
 * discovery document names in that form for every OpenID client (`tenantIdAlways`).
 */
export function nativeAuthEndpoint(
  name: string,
  step: NativeAuthStep,
  options: { readonly tenantIdAlways?: boolean } = {},
): TenantRouteHandler<ExternalIdTenant> {
  return async (request: HttpRequest, context: InvocationContext, emulator, runtime) => {
    const preflight = nativeAuthPreflight(request, emulator.config.cors);
    if (preflight) return preflight;
    if (
      runtime &&
      options.tenantIdAlways !== true &&
      !runtime.tenant.fidelity.tenantIdPaths &&
      GUID.test(request.params['tenant'] ?? '')
    )
      return { status: 404 };
    const requestId = randomUUID();
    const now = emulator.clock.now();
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      [REQUEST_ID_HEADER]: requestId,
      ...nativeAuthCorsHeaders(request, emulator.config.cors),
    };
    // A span per call, in the caller's trace: the grant (at the token endpoint), the outcome.
    return inGrantSpan(name, async (grant) => {
      try {
        const checked = await checkedContext(request, emulator, runtime, now);
        if (name === 'native-token') grant.grantType(checked.params.get('grant_type'));
        const body = await step(checked);
        context.log(`native-auth ${name} 200 requestId=${requestId}`);
        grant.issued();
        return { status: 200, headers, jsonBody: body };
      } catch (error) {
        if (!(error instanceof NativeAuthRefusal)) throw error;
        const tracing = {
          traceId: requestId,
          correlationId: request.headers.get('client-request-id')?.match(GUID)?.[0] ?? randomUUID(),
          timestamp: new Date(now),
        };
        const body = error.body(tracing);
        context.log(
          `native-auth ${name} ${error.status} ${body.error}${body.suberror ? `/${body.suberror}` : ''} requestId=${requestId}`,
        );
        grant.refused(body.suberror ? `${body.error}/${body.suberror}` : body.error);
        return { status: error.status, headers: { ...headers, ...error.headers }, jsonBody: body };
      }
    });
  };
}
