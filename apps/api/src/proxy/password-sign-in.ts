import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { BudgetReservation, BudgetSlot } from '@ropc/identity-protection';
import type { PasswordGrantRequest } from '@ropc/protocol';
import { b2cErrorCodeOf, b2cOutcomeOf } from '../telemetry/attempt-outcomes';
import { recordSignIn } from '../telemetry/sign-in-telemetry';
import { attemptOutcome } from './attempt-outcome';
import { DEVICE_COOKIE } from './known-device-cookie';
import { proxyCookie, readCookie } from './proxy-cookies';
import { proxyErrorResponse } from './proxy-error';
import { proxyScope } from './proxy-scope';
import type { SignInProxy } from './sign-in-proxy';
import { upstreamAnswerResponse } from './upstream-answer-response';
import { describeUpstreamAnswer, type UpstreamAnswer } from './upstream-token-endpoint';

/** Refuses a client over its sign-in limit, or any attempt while the authority throttles us. */
async function refuseClientOrBackoff(
  proxy: SignInProxy,
  request: HttpRequest,
): Promise<HttpResponseInit | undefined> {
  const byClient = await proxy.signInLimiter.hit(`proxy-ip|${proxy.client(request)}`);
  if (byClient.limited) {
    proxy.metrics.refused('client_throttled');
    const wait = byClient.retryAfterSeconds;
    return proxyErrorResponse({ kind: 'throttled', retryAfterSeconds: wait, reason: 'throttled' });
  }
  const backoff = proxy.backoff.remainingSeconds();
  if (backoff === 0) return undefined;
  proxy.metrics.refused('authority_backoff');
  return proxyErrorResponse({ kind: 'throttled', retryAfterSeconds: backoff, reason: 'throttled' });
}

/** The answer to an attempt that the account's budgets did not admit. */
function budgetRefusal(
  proxy: SignInProxy,
  refused: BudgetReservation & { admitted: false },
): HttpResponseInit {
  proxy.metrics.refused(refused.reason);
  const { retryAfterSeconds } = refused;
  switch (refused.reason) {
    case 'authority_locked':
      return proxyErrorResponse({ kind: 'authority_locked', retryAfterSeconds });
    case 'account_protected':
      return proxyErrorResponse({
        kind: 'throttled',
        retryAfterSeconds,
        reason: 'account_protected',
      });
    case 'device_budget_spent':
    case 'attempts_in_flight':
      return proxyErrorResponse({ kind: 'throttled', retryAfterSeconds, reason: 'throttled' });
  }
}

/**
 * Records how the attempt ended. The answer goes to the browser whatever happens here: when the
 * state storage fails now, the slot stays reserved, which counts as a failure — the safe side.
 */
async function settle(
  proxy: SignInProxy,
  slot: BudgetSlot,
  answer: UpstreamAnswer,
  log: (line: string) => void,
): Promise<void> {
  try {
    await proxy.budget.settle(slot, attemptOutcome(answer));
  } catch (error) {
    log(
      `sign-in: the attempt's outcome was not recorded (${(error as Error).name}); its slot counts as a failure`,
    );
  }
}

/**
 * The password grant through the proxy, in the order that keeps accounts safe: the client's
 * limit and the authority's back-off; then a slot of the account's failure budget — the known
 * device's when this browser signed in to the account before, else the anonymous one — reserved
 * before anything goes upstream; the forward; the slot settled by the answer; and on success the
 * session cookie and this browser remembered as a known device of the account.
 */
export async function passwordSignIn(
  proxy: SignInProxy,
  request: HttpRequest,
  form: PasswordGrantRequest,
  log: (line: string) => void,
): Promise<HttpResponseInit> {
  const bounded = proxyScope(form.scope, proxy.config.defaultScopes);
  if ('refusal' in bounded) return proxyErrorResponse(bounded.refusal);
  const { scope } = bounded;
  const { username } = form;
  const refused = await refuseClientOrBackoff(proxy, request);
  if (refused) {
    recordSignIn('b2c', 'refused_by_proxy', { username });
    return refused;
  }
  const account = proxy.accountOf(form.username);
  // Verified once: the budget's choice and the renewed cookie both read it.
  const deviceCookie = await proxy.devices.read(readCookie(request, DEVICE_COOKIE));
  const device = proxy.devices.deviceIn(deviceCookie, account);
  const reservation = await proxy.budget.reserve(account, device);
  if (!reservation.admitted) {
    recordSignIn('b2c', 'refused_by_proxy', { username });
    return budgetRefusal(proxy, reservation);
  }
  const answer = await proxy.forward({
    grant_type: 'password',
    client_id: proxy.b2c.clientId,
    username: form.username,
    password: form.password,
    scope,
    response_type: 'token id_token',
  });
  await settle(proxy, reservation.slot, answer, log);
  log(`sign-in ${describeUpstreamAnswer(answer)}${device ? ' (known device)' : ''}`);
  const response = await upstreamAnswerResponse(request, proxy, answer, { scope, account });
  // Tokens the proxy could not keep (no refresh token, say) are the authority failing.
  const outcome =
    answer.kind === 'tokens' && response.status !== 200 ? 'failed' : b2cOutcomeOf(answer);
  recordSignIn('b2c', outcome, { username, errorCode: b2cErrorCodeOf(answer) });
  if (answer.kind !== 'tokens' || response.status !== 200) return response;
  const remembered = await proxy.devices.renew(deviceCookie, account);
  const trustSeconds = proxy.config.protection.failureBudget.deviceTrustSeconds;
  return {
    ...response,
    cookies: [
      ...(response.cookies ?? []),
      proxyCookie(request, proxy.config.cookieSecure, DEVICE_COOKIE, remembered, trustSeconds),
    ],
  };
}
