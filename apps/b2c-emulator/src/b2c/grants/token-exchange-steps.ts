import type { HttpRequest } from '@azure/functions';
import { requestClientIp } from '@ropc/functions-edge';
import { buildIssuer, type TokenRequest, type TokenResponseBody } from '@ropc/protocol';
import type { Emulator } from '../../emulator';
import type { B2CTenant } from '../../tenant/tenant-model';
import type { TenantRuntime } from '../../tenant/tenant-runtime';
import { B2CError } from '../b2c-error';
import { readTokenRequest } from '../read-token-request';
import { requestOrigin } from '../../http/request-origin';
import { resolvePolicy } from '../resolve-policy';
import type { UserFlow } from '../user-flow';
import { noteGrantType } from '../../telemetry/grant-span';
import { handleGrant } from './grant-registry';

/** What the steps of a token request know so far; each step adds to it or refuses. */
interface Exchange {
  readonly emulator: Emulator;
  /** The B2C tenant the URL names; none for a tenant the emulator does not have. */
  readonly runtime: TenantRuntime<B2CTenant> | undefined;
  readonly request: HttpRequest;
  /** Epoch ms, read once per request from the emulator's clock. */
  readonly now: number;
  readonly flow?: UserFlow;
  readonly clientIp?: string;
  readonly tokenRequest?: TokenRequest;
}

/** B2C's token endpoint takes POST only (AADB2C90226). */
function requirePost(exchange: Exchange): Exchange {
  if (exchange.request.method !== 'POST') throw new B2CError('AADB2C90226');
  return exchange;
}

/**
 * The user flow the URL names, in any of its three forms: AADB2C90066 for an unknown one, and
 * `invalid_grant` for a request that names none, as B2C answered one (docs/b2c-ropc-protocol.md
 * §1.2; the code, AADB2C90085, is B2C's `invalid_grant` for a request it cannot serve).
 */
function resolveUserFlow(exchange: Exchange): Exchange {
  const resolved = resolvePolicy(exchange.request, exchange.runtime?.tenant);
  if ('noPolicy' in resolved) throw new B2CError('AADB2C90085');
  if ('missing' in resolved) throw new B2CError('AADB2C90066', [resolved.missing.slice(0, 64)]);
  return { ...exchange, flow: resolved.found.flow };
}

/** B2C's per-IP and per-tenant service limits, before any body is read (AADB2C90244). */
async function enforceServiceLimits(exchange: Exchange): Promise<Exchange> {
  // Without X-Forwarded-For every client shares one bucket: the limit fails closed.
  const clientIp =
    requestClientIp(exchange.request, exchange.emulator.config.trustedHops) ?? 'unknown';
  if (!exchange.runtime) throw new TypeError('the user flow was resolved without its tenant');
  const limit = await exchange.runtime.serviceLimits.hit(clientIp);
  if (limit.limited)
    throw new B2CError('AADB2C90244', [], {
      headers: { 'Retry-After': String(limit.retryAfterSeconds) },
    });
  return { ...exchange, clientIp };
}

/** The form body, strictly decoded by the protocol library. */
async function readRequest(exchange: Exchange): Promise<Exchange> {
  const tokenRequest = await readTokenRequest(exchange.request);
  noteGrantType(tokenRequest.grant_type);
  return { ...exchange, tokenRequest };
}

/** The steps of a token request, in order: each refuses with B2C's error, or hands on. */
const STEPS: readonly ((exchange: Exchange) => Exchange | Promise<Exchange>)[] = [
  requirePost,
  resolveUserFlow,
  enforceServiceLimits,
  readRequest,
];

/**
 * A token request through the steps of B2C's token endpoint, then the grant it names (as
 * node-oidc-provider chains its token endpoint's middleware over a grant registry).
 *
 * @throws B2CError in B2C's shape for everything a client can get wrong.
 */
export async function exchangeToken(
  emulator: Emulator,
  runtime: TenantRuntime<B2CTenant> | undefined,
  request: HttpRequest,
  now: number,
): Promise<TokenResponseBody> {
  let exchange: Exchange = { emulator, runtime, request, now };
  for (const step of STEPS) exchange = await step(exchange);
  const { flow, clientIp, tokenRequest } = exchange;
  if (!runtime || !flow || clientIp === undefined || !tokenRequest)
    throw new TypeError('the token steps did not resolve the flow, client and request');
  const issuer = buildIssuer(
    requestOrigin(request, emulator.config),
    runtime.tenant.id,
    flow.name,
    flow.issuerStyle,
  );
  return handleGrant({ emulator, runtime, flow, issuer, clientIp, now }, tokenRequest);
}
