import {
  app,
  type HttpRequest,
  type HttpResponseInit,
  type InvocationContext,
} from '@azure/functions';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { proxyScope } from '../proxy/proxy-scope';
import { readSignInForm } from '../proxy/read-proxy-form';
import { SignInProxy } from '../proxy/sign-in-proxy';
import { upstreamAnswerResponse } from '../proxy/upstream-answer-response';
import { describeUpstreamAnswer, forwardTokenRequest } from '../proxy/upstream-token-endpoint';

/** Throttles per client IP, then per username (failures only), before anything goes upstream. */
async function throttle(
  proxy: SignInProxy,
  ip: string,
  username: string,
): Promise<HttpResponseInit | undefined> {
  const byIp = await proxy.ipLimiter.hit(SignInProxy.ipKey(ip));
  const byUser = byIp.limited
    ? byIp
    : await proxy.usernameFailures.check(SignInProxy.usernameKey(username));
  if (!byUser.limited) return undefined;
  proxy.metrics.throttled();
  return proxyErrorResponse({ kind: 'throttled', retryAfterSeconds: byUser.retryAfterSeconds });
}

/**
 * POST /api/auth/token: the password grant through the sign-in proxy. Same form protocol as B2C;
 * answers the authority's JSON minus `refresh_token`, which goes into the `ropc_session` cookie.
 */
export async function authToken(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const { proxy, config } = getApi();
  if (!passesCsrfCheck(request, config.allowedOrigins))
    return proxyErrorResponse({ kind: 'cross_site' });
  const read = await readSignInForm(request, config.clientId);
  if ('refusal' in read) return proxyErrorResponse(read.refusal);
  const { form } = read;
  const throttled = await throttle(proxy, proxy.clientIp(request), form.username);
  if (throttled) return throttled;
  const scope = proxyScope(form.scope, config.defaultScopes);
  const answer = await forwardTokenRequest(
    proxy.tokenEndpoint,
    {
      grant_type: 'password',
      client_id: config.clientId,
      username: form.username,
      password: form.password,
      scope,
      response_type: 'token id_token',
    },
    config.upstreamTimeoutMs,
  );
  if (answer.kind === 'refused' && answer.body.error === 'access_denied') {
    await proxy.usernameFailures.hit(SignInProxy.usernameKey(form.username));
  }
  context.log(`sign-in ${describeUpstreamAnswer(answer)}`);
  return upstreamAnswerResponse(request, proxy, answer, { scope });
}

app.http('auth-token', {
  route: 'auth/token',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authToken,
});
