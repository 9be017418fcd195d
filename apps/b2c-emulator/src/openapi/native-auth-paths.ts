import { headerRef, responseRef, schemaRef } from './emulator-refs';
import { PREFLIGHT } from './b2c-responses';

const tenant = {
  name: 'tenant',
  in: 'path',
  required: true,
  description:
    "The External ID tenant's domain name (`contosoid.onmicrosoft.com`) or its id (an empty 404 " +
    "when the tenant's `fidelity.tenantIdPaths` is off).",
  schema: { type: 'string' },
} as const;

/** The headers of every native-auth answer. */
export const NATIVE_HEADERS = {
  'Cache-Control': headerRef('NoStore'),
  Pragma: headerRef('PragmaNoCache'),
  'x-ms-request-id': headerRef('MsRequestId'),
  'Access-Control-Allow-Origin': headerRef('AllowOriginMaybe'),
} as const;

const envelope = (description: string, headers: Readonly<Record<string, unknown>> = {}) => ({
  description,
  headers: { ...NATIVE_HEADERS, ...headers },
  content: { 'application/json': { schema: schemaRef('NativeAuthError') } },
});

/** The refusals every native-auth endpoint may answer, in the native-auth envelope. */
export const NATIVE_ERROR_RESPONSES = {
  '400': envelope(
    'Not POST, not a form, over 16 KiB or a repeated field (`invalid_request`), an unknown ' +
      'tenant (90002), an unknown client (`unauthorized_client`), native auth off for the app ' +
      '(`invalid_client`), and every error of the flow (§2.5); a locked account has `Retry-After`.',
    { 'Retry-After': headerRef('RetryAfterMaybe') },
  ),
  '401': envelope('The client may not use this endpoint (`invalid_client`).'),
  '429': envelope('Over the per-IP or per-tenant request limit (90055).', {
    'Retry-After': headerRef('RetryAfter'),
  }),
  '503': envelope('The state storage is failing (`temporarily_unavailable`).', {
    'Retry-After': headerRef('RetryAfter'),
  }),
} as const;

/** The same refusals as `$ref`s to `#/components/responses/Native{status}`. */
export const NATIVE_ERRORS = Object.fromEntries(
  Object.keys(NATIVE_ERROR_RESPONSES).map((status) => [status, responseRef(`Native${status}`)]),
);

const native = {
  type: 'object',
  description: 'The native-auth form as MSAL sends it (at most 16 KiB, no repeated field).',
  required: ['client_id'],
  properties: {
    client_id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    challenge_type: { type: 'string', description: 'Space-separated; must include `redirect`.' },
    continuation_token: { type: 'string' },
    grant_type: { type: 'string' },
    password: { type: 'string', format: 'password' },
    oob: { type: 'string' },
    attributes: { type: 'string', description: 'A JSON object of user attributes.' },
    new_password: { type: 'string', format: 'password' },
    scope: { type: 'string' },
    client_info: { type: 'string' },
  },
} as const;

export const NATIVE_FORM = native;

const WRONG_METHODS = ['get', 'put', 'patch', 'delete', 'head'] as const;

/** One native-auth endpoint: POST with `answers` (component names), other methods refused. */
function nativeEndpoint(id: string, summary: string, answers: readonly string[]) {
  const tags = ['External ID native auth'];
  const wrongMethod = {
    tags,
    security: [],
    description: 'Not POST: `invalid_request` (900561) in the envelope.',
    responses: NATIVE_ERRORS,
  };
  const [only] = answers;
  const success = answers.length > 1 ? { anyOf: answers.map(schemaRef) } : only && schemaRef(only);
  return {
    parameters: [tenant],
    post: {
      operationId: id,
      tags,
      security: [],
      summary,
      requestBody: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: native } },
      },
      responses: {
        ...(success === undefined
          ? {}
          : {
              '200': {
                description: 'The next step.',
                headers: NATIVE_HEADERS,
                content: { 'application/json': { schema: success } },
              },
            }),
        ...NATIVE_ERRORS,
        '404': { description: 'A tenant-id path of a tenant whose `tenantIdPaths` is off: empty.' },
      },
    },
    ...Object.fromEntries(
      WRONG_METHODS.map((method) => [
        method,
        {
          ...wrongMethod,
          operationId: `${id}_${method}`,
          summary: `${summary}: ${method.toUpperCase()}`,
        },
      ]),
    ),
    options: {
      ...wrongMethod,
      operationId: `${id}_options`,
      summary: `${summary}: CORS preflight`,
      description:
        'With `--cors permissive`, a preflight from a browser Origin gets the CORS answer; any ' +
        'other OPTIONS request is answered as a wrong method.',
      responses: { '204': PREFLIGHT, ...NATIVE_ERRORS },
    },
  };
}

const redirectable = (...names: string[]) => [...names, 'RedirectResponse'];

/** The native-authentication endpoints of External ID tenants (all but the shared token path). */
export const NATIVE_AUTH_PATHS = {
  '/{tenant}/oauth2/v2.0/initiate': nativeEndpoint(
    'signInInitiate',
    'Sign-in: initiate',
    redirectable('ContinuationResponse'),
  ),
  '/{tenant}/oauth2/v2.0/challenge': nativeEndpoint(
    'signInChallenge',
    'Sign-in: challenge',
    redirectable('PasswordChallengeResponse', 'OobChallengeResponse'),
  ),
  '/{tenant}/oauth2/v2.0/introspect': nativeEndpoint(
    'signInIntrospect',
    'Sign-in: introspect (strong authentication is not emulated: always refused)',
    [],
  ),
  '/{tenant}/signup/v1.0/start': nativeEndpoint(
    'signUpStart',
    'Sign-up: start',
    redirectable('ContinuationResponse'),
  ),
  '/{tenant}/signup/v1.0/challenge': nativeEndpoint(
    'signUpChallenge',
    'Sign-up: challenge',
    redirectable('OobChallengeResponse', 'PasswordChallengeResponse'),
  ),
  '/{tenant}/signup/v1.0/continue': nativeEndpoint('signUpContinue', 'Sign-up: continue', [
    'ContinuationResponse',
  ]),
  '/{tenant}/resetpassword/v1.0/start': nativeEndpoint(
    'resetPasswordStart',
    'Password reset: start',
    redirectable('ContinuationResponse'),
  ),
  '/{tenant}/resetpassword/v1.0/challenge': nativeEndpoint(
    'resetPasswordChallenge',
    'Password reset: challenge',
    redirectable('OobChallengeResponse'),
  ),
  '/{tenant}/resetpassword/v1.0/continue': nativeEndpoint(
    'resetPasswordContinue',
    'Password reset: continue',
    ['ResetPasswordContinueResponse'],
  ),
  '/{tenant}/resetpassword/v1.0/submit': nativeEndpoint(
    'resetPasswordSubmit',
    'Password reset: submit',
    ['ResetPasswordSubmitResponse'],
  ),
  '/{tenant}/resetpassword/v1.0/poll_completion': nativeEndpoint(
    'resetPasswordPollCompletion',
    'Password reset: poll completion',
    ['ResetPasswordPollResponse'],
  ),
} as const;
