import {
  app,
  type HttpRequest,
  type HttpResponseInit,
  type InvocationContext,
} from '@azure/functions';
import { getApi } from '../api-instance';
import { passesCsrfCheck } from '../proxy/csrf-check';
import { passwordSignIn } from '../proxy/password-sign-in';
import { proxyErrorResponse } from '../proxy/proxy-error';
import { readSignInForm } from '../proxy/read-proxy-form';

/**
 * POST /api/auth/token: the password grant through the sign-in proxy. Same form protocol as B2C;
 * answers the authority's JSON minus `refresh_token`, which goes into the `ropc_session` cookie.
 * Identity protection decides before anything goes upstream (`password-sign-in.ts`).
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
  return passwordSignIn(proxy, request, read.form, (line) => {
    context.log(line);
  });
}

app.http('auth-token', {
  route: 'auth/token',
  methods: ['POST'],
  authLevel: 'anonymous',
  handler: authToken,
});
