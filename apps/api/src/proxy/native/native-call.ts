import type { Cookie, HttpRequest, HttpResponseInit } from '@azure/functions';
import type { BudgetReservation, BudgetSlot } from '@ropc/identity-protection';
import { nativeAuthEndpointOfPath } from '@ropc/protocol/native-auth';
import { currentTelemetry, type SignInOutcome } from '@ropc/telemetry';
import { nativeErrorCodeOf, nativeOutcomeOf } from '../../telemetry/attempt-outcomes';
import { recordRefresh, recordSignIn } from '../../telemetry/sign-in-telemetry';
import { DEVICE_COOKIE, type ReadDeviceCookie } from '../known-device-cookie';
import { proxyCookie, readCookie } from '../proxy-cookies';
import { proxyScope } from '../proxy-scope';
import { openContinuation } from './continuation-wrapper';
import type { NativeAuthProxy } from './native-auth-proxy';
import { nativeAnswerResponse, wrapContinuation } from './native-answer';
import { nativeAttemptOutcome } from './native-attempt-outcome';
import { nativeErrorResponse, type NativeRefusal } from './native-error';
import { isCredentialAttempt, nativeCallOf, type NativeFlow, type NativeMode } from './native-flow';
import { countCodeSent, refuseOverLimit } from './native-limits';
import { nativeModeOf } from './native-mode';
import { nativeSession } from './native-session';
import {
  describeNativeAnswer,
  upstreamHeadersOf,
  type NativeUpstreamAnswer,
} from './native-upstream';
import { readNativeForm } from './read-native-form';

/** Who a call is for, once its start's username or its wrapper has named them. */
interface Attribution {
  /** The normalised username; undefined only for the refresh_token grant. */
  readonly username: string | undefined;
  readonly flow: NativeFlow;
}

/** The answer to an attempt that the account's budgets did not admit. */
function budgetRefusal(
  proxy: NativeAuthProxy,
  refused: BudgetReservation & { admitted: false },
): NativeRefusal {
  proxy.metrics.refused(refused.reason);
  const { retryAfterSeconds } = refused;
  if (refused.reason === 'authority_locked') return { kind: 'locked', retryAfterSeconds };
  return {
    kind: 'throttled',
    retryAfterSeconds,
    reason: refused.reason === 'account_protected' ? 'account_protected' : 'throttled',
  };
}

/**
 * Who the call is for: a start's username, normalised; a later call's wrapper, opened and
 * checked against the call's flow and the request's mode (its upstream token put back in the
 * form). A missing, foreign, tampered or expired wrapper is refused and never forwarded.
 */
async function attribute(
  proxy: NativeAuthProxy,
  fields: Map<string, string>,
  endpoint: NonNullable<ReturnType<typeof nativeAuthEndpointOfPath>>,
  mode: NativeMode,
): Promise<Attribution | NativeRefusal> {
  const grantType = endpoint === 'token' ? fields.get('grant_type') : undefined;
  const call = nativeCallOf(endpoint, grantType);
  switch (call.kind) {
    case 'unsupported_grant':
      return { kind: 'unsupported_grant_type' };
    case 'refresh':
      // The cookie mode's sessions refresh at /api/auth/refresh: no refresh token in its hands.
      return mode === 'cookie'
        ? { kind: 'unsupported_grant_type' }
        : { username: undefined, flow: 'sign_in' };
    case 'start': {
      const username = fields.get('username');
      if (username === undefined || username.trim() === '') return { kind: 'invalid_username' };
      return { username: proxy.normalise(username), flow: call.flow };
    }
    case 'continue': {
      const sealed = fields.get('continuation_token');
      const wrapper =
        sealed === undefined
          ? undefined
          : await openContinuation(sealed, proxy.config.cookieKeys, proxy.nowSeconds());
      if (!wrapper || wrapper.mode !== mode || !call.flows.includes(wrapper.flow))
        return { kind: 'invalid_continuation' };
      fields.set('continuation_token', wrapper.ct);
      return { username: wrapper.usr, flow: wrapper.flow };
    }
  }
}

/** Records how an attempt ended; a storage failure now leaves the slot counted as a failure. */
async function settle(
  proxy: NativeAuthProxy,
  slot: BudgetSlot | undefined,
  answer: NativeUpstreamAnswer,
  log: (line: string) => void,
): Promise<void> {
  if (!slot) return;
  try {
    await proxy.budget.settle(slot, nativeAttemptOutcome(answer));
  } catch (error) {
    log(
      `native-auth: the attempt's outcome was not recorded (${(error as Error).name}); its slot counts as a failure`,
    );
  }
}

/** The form as it goes upstream: the proxy's own `client_id` first, the rest as sent. */
function upstreamForm(
  fields: ReadonlyMap<string, string>,
  clientId: string,
): Record<string, string> {
  const form: Record<string, string> = { client_id: clientId };
  for (const [name, value] of fields) if (name !== 'client_id') form[name] = value;
  return form;
}

/**
 * Counts a call of the token endpoint as a sign-in or, for the refresh_token grant, a refresh,
 * and counts a lockout the authority reported on any endpoint.
 */
function recordTokenCall(
  endpoint: string,
  grantType: string | undefined,
  outcome: SignInOutcome,
  details: { username: string | undefined; errorCode?: string | undefined },
): void {
  if (outcome === 'locked') currentTelemetry().instruments.lockouts.record('external-id');
  if (endpoint !== 'token') return;
  const record = grantType === 'refresh_token' ? recordRefresh : recordSignIn;
  record('external-id', outcome, { ...details, grantType });
}

/**
 * One call of `/api/auth/native/{*path}`, in the order that keeps accounts safe: only the twelve
 * V1 paths; the mode (cookie or pass-through) and its CSRF rule; the bounded form; the proxy's own
 * `client_id` (another is `unauthorized_client`); who the call is for (a start's username, or the
 * wrapper of a later call); the send, start and client limits; for a password or a code, a slot
 * of the account's failure budget reserved before the forward; the forward; the slot settled;
 * every continuation token of the answer wrapped; in cookie mode, tokens turned into the session
 * cookie (the refresh token never in the body) and this browser remembered for the account.
 */
export async function nativeCall(
  proxy: NativeAuthProxy,
  request: HttpRequest,
  path: string,
  log: (line: string) => void,
): Promise<HttpResponseInit> {
  const refuse = (refusal: NativeRefusal) => nativeErrorResponse(refusal, request);
  const endpoint = nativeAuthEndpointOfPath(path);
  if (!endpoint) return refuse({ kind: 'not_found' });
  const moded = nativeModeOf(request, proxy.config);
  if ('refusal' in moded) return refuse(moded.refusal);
  const { mode } = moded;
  const read = await readNativeForm(request);
  if ('refusal' in read) return refuse(read.refusal);
  const { fields } = read;
  const askedClient = fields.get('client_id');
  if (
    askedClient !== undefined &&
    askedClient.toLowerCase() !== proxy.externalId.clientId.toLowerCase()
  )
    return refuse({ kind: 'unauthorized_client' });
  const who = await attribute(proxy, fields, endpoint, mode);
  if ('kind' in who) {
    if (who.kind === 'invalid_continuation') log(`native-auth ${endpoint}: wrapper refused`);
    return refuse(who);
  }
  const grantType = fields.get('grant_type');
  // The cookie mode keeps the session: its sign-ins ask for `openid offline_access`, bounded as
  // the B2C proxy's (AUTH_DEFAULT_SCOPES are B2C's, so none are added).
  if (mode === 'cookie' && endpoint === 'token') {
    const bounded = proxyScope(fields.get('scope'), []);
    if ('refusal' in bounded)
      return refuse({ kind: 'bad_request', message: 'The scope has too many values.' });
    fields.set('scope', bounded.scope);
  }
  const account = who.username === undefined ? undefined : proxy.accountOf(who.username);
  const client = proxy.client(request);
  const limited = await refuseOverLimit(proxy, endpoint, grantType, client, account);
  if (limited) {
    recordTokenCall(endpoint, grantType, 'refused_by_proxy', { username: who.username });
    return refuse(limited);
  }
  // Read lazily and verified once: only credential attempts and token answers look at it.
  let deviceCookie: ReadDeviceCookie | undefined;
  const readDeviceCookie = async () =>
    (deviceCookie ??= await proxy.devices.read(readCookie(request, DEVICE_COOKIE)));
  let slot: BudgetSlot | undefined;
  if (account !== undefined && isCredentialAttempt(endpoint, grantType)) {
    const device = proxy.devices.deviceIn(await readDeviceCookie(), account);
    const reservation = await proxy.budget.reserve(account, device);
    if (!reservation.admitted) {
      recordTokenCall(endpoint, grantType, 'refused_by_proxy', { username: who.username });
      return refuse(budgetRefusal(proxy, reservation));
    }
    slot = reservation.slot;
  }
  const answer = await proxy.forward(
    endpoint,
    upstreamForm(fields, proxy.externalId.clientId),
    upstreamHeadersOf(request),
  );
  await settle(proxy, slot, answer, log);
  log(`native-auth ${endpoint} ${describeNativeAnswer(answer)} (${mode})`);
  recordTokenCall(endpoint, grantType, nativeOutcomeOf(answer), {
    username: who.username,
    errorCode: nativeErrorCodeOf(answer),
  });
  if (answer.kind !== 'answered') return nativeAnswerResponse(request, answer, undefined);
  await countCodeSent(proxy, endpoint, account, answer.status, answer.body);
  const body =
    who.username === undefined
      ? answer.body
      : await wrapContinuation(proxy, answer.body, {
          username: who.username,
          flow: who.flow,
          mode,
        });
  const hasTokens = 'refresh_token' in body || 'access_token' in body;
  if (mode !== 'cookie' || answer.status !== 200 || !hasTokens)
    return nativeAnswerResponse(request, answer, body);
  const session = await nativeSession(request, proxy, body, {
    scope: fields.get('scope'),
    ...(account === undefined ? {} : { account }),
  });
  if (!session) return refuse({ kind: 'upstream_failed' });
  const cookies: Cookie[] = [...session.cookies];
  if (account !== undefined) {
    const remembered = await proxy.devices.renew(await readDeviceCookie(), account);
    const trustSeconds = proxy.config.protection.failureBudget.deviceTrustSeconds;
    cookies.push(
      proxyCookie(request, proxy.config.cookieSecure, DEVICE_COOKIE, remembered, trustSeconds),
    );
  }
  return nativeAnswerResponse(request, answer, session.body, cookies);
}
