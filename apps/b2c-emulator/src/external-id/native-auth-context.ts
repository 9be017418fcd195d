import type { Emulator } from '../emulator';
import type { Application, ExternalIdTenant } from '../tenant/tenant-model';
import type { TenantRuntime } from '../tenant/tenant-runtime';
import type { ExternalIdUserFlow } from './external-id-tenant';
import { NativeAuthRefusal } from './native-auth-refusal';

/** What a native-authentication step knows about its request once the endpoint checked it. */
export interface NativeAuthContext {
  readonly emulator: Emulator;
  readonly runtime: TenantRuntime<ExternalIdTenant>;
  /** The calling app: known to the tenant, public, native authentication on. */
  readonly client: Application;
  /** The form body's fields; empty values count as absent. */
  readonly params: ReadonlyMap<string, string>;
  readonly clientIp: string;
  /** `{origin}` of the issuer `{origin}/{tenantId}/v2.0`. */
  readonly origin: string;
  /** Epoch ms, read once per request from the emulator's clock. */
  readonly now: number;
}

/** A parameter the step needs, or `invalid_request` (AADSTS900144) naming it. */
export function requireParam(context: NativeAuthContext, name: string): string {
  const value = context.params.get(name);
  if (value === undefined) throw NativeAuthRefusal.missing(name);
  return value;
}

/**
 * The user flow the app is linked to: an app without one (an API registration) cannot sign
 * anyone in, which the service answers as a client that may not use native authentication.
 */
export function clientUserFlow(context: NativeAuthContext): ExternalIdUserFlow {
  const name = context.client.userFlow?.toLowerCase();
  const flow = context.runtime.tenant.userFlows.find((each) => each.name.toLowerCase() === name);
  if (!flow) throw NativeAuthRefusal.of('native_auth_disabled');
  return flow;
}
