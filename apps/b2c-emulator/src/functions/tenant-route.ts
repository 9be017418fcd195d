import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Emulator } from '../emulator';
import { getEmulator } from '../emulator-instance';
import type { B2CTenant, ExternalIdTenant, Tenant } from '../tenant/tenant-model';
import type { TenantRuntime } from '../tenant/tenant-runtime';

/**
 * A route's handler for one authority kind: it gets the tenant its URL names, resolved once, or
 * undefined when the URL names no tenant of that kind (each kind answers that in its own words).
 */
export type TenantRouteHandler<T extends Tenant> = (
  request: HttpRequest,
  context: InvocationContext,
  emulator: Emulator,
  runtime: TenantRuntime<T> | undefined,
) => Promise<HttpResponseInit>;

type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/** The tenant the route's `{tenant}` segment names (domain name or id), of any kind. */
export function routeTenant(emulator: Emulator, request: HttpRequest): TenantRuntime | undefined {
  const segment = request.params['tenant'];
  return segment === undefined ? undefined : emulator.tenantAt(segment);
}

/** A route only B2C answers (its policy path and tfp forms). */
export function b2cRoute(handler: TenantRouteHandler<B2CTenant>): HttpHandler {
  return async (request, context) => {
    const emulator = await getEmulator();
    const runtime = routeTenant(emulator, request);
    return handler(request, context, emulator, runtime?.isB2C() ? runtime : undefined);
  };
}

/** A route only External ID answers (native authentication's own paths). */
export function externalIdRoute(handler: TenantRouteHandler<ExternalIdTenant>): HttpHandler {
  return async (request, context) => {
    const emulator = await getEmulator();
    const runtime = routeTenant(emulator, request);
    return handler(request, context, emulator, runtime?.isExternalId() ? runtime : undefined);
  };
}

/**
 * A path both kinds have (`/{tenant}/oauth2/v2.0/token`, discovery, keys): the tenant's kind
 * answers. A tenant the emulator does not have gets B2C's answer, as before there were kinds.
 */
export function kindRoute(handlers: {
  readonly b2c: TenantRouteHandler<B2CTenant>;
  readonly externalId: TenantRouteHandler<ExternalIdTenant>;
}): HttpHandler {
  return async (request, context) => {
    const emulator = await getEmulator();
    const runtime = routeTenant(emulator, request);
    if (runtime?.isExternalId()) return handlers.externalId(request, context, emulator, runtime);
    return handlers.b2c(request, context, emulator, runtime?.isB2C() ? runtime : undefined);
  };
}
