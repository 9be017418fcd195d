import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { registerHttpFunction } from '@ropc/functions-edge';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { passwordSignIn } from '../proxy/password-sign-in';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { readSignInForm } from '../proxy/read-proxy-form';
import { proxyStorageFailure } from '../proxy/proxy-storage-failure';

/**
 * POST /api/auth/token: the password grant through the sign-in proxy. Same form protocol as B2C;
 * answers the authority's JSON minus `refresh_token`, which goes into the `ropc_session` cookie.
 * Identity protection decides before anything goes upstream (`password-sign-in.ts`).
 */
export async function authToken(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const { proxy, config } = await getApi();
  if (!proxy) return proxyErrorResponse({ kind: 'not_configured' });
  if (!passesCsrfCheck(request, config.allowedOrigins))
    return proxyErrorResponse({ kind: 'cross_site' });
  const read = await readSignInForm(request, proxy.b2c.clientId);
  if ('refusal' in read) return proxyErrorResponse(read.refusal);
  return passwordSignIn(proxy, request, read.form, (line) => {
    context.log(line);
  });
}

registerHttpFunction('auth-token', {
  route: 'auth/token',
  methods: ['POST'],
  handler: authToken,
  storageFailure: proxyStorageFailure,
});
