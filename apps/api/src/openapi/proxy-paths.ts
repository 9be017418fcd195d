import { headerRef, schemaRef } from './api-responses';

/** Headers of every `/api/auth` answer: tokens are never cached (RFC 6749 §5.1). */
const noStore = {
  'Cache-Control': headerRef('NoStore'),
  Pragma: headerRef('PragmaNoCache'),
} as const;

const b2cError = (description: string, headers: Readonly<Record<string, unknown>> = {}) => ({
  description,
  headers: { ...noStore, ...headers },
  content: { 'application/json': { schema: schemaRef('B2CError') } },
});

/** The refusals the password grant and the refresh share, in B2C's error shape. */
const proxyRefusals = {
  '403': b2cError(
    'Cross-site request refused: `X-Requested-With: XMLHttpRequest` missing, or an `Origin` ' +
      'that is not in AUTH_ALLOWED_ORIGINS.',
  ),
  '404': b2cError('No B2C authority is configured: the proxy has nowhere to forward.'),
  '413': b2cError('The form is larger than 16 KiB (AADB2C90021).'),
  '429': b2cError(
    "Throttled: the proxy's own limits (`reason` `throttled`, or `account_protected` while only " +
      "known devices may try the account) or the authority's 429, relayed.",
    { 'Retry-After': headerRef('RetryAfter') },
  ),
  '4XX': b2cError('Another 4xx answer of the authority, relayed as it is.', {
    'Set-Cookie': headerRef('SetCookieMaybe'),
  }),
  '502': b2cError(
    'The authority answered something that is not a token response (`server_error`).',
  ),
  '503': b2cError(
    "The authority is unreachable or unavailable, or the proxy's state storage is failing " +
      '(`temporarily_unavailable`).',
    { 'Retry-After': headerRef('RetryAfter') },
  ),
} as const;

const csrfAndCookie = [{ csrfHeader: [], sessionCookie: [] }];

/** `/api/auth/token`, `/api/auth/refresh`, `/api/auth/sign-out`: the browser sign-in proxy. */
export const PROXY_PATHS = {
  '/api/auth/token': {
    post: {
      operationId: 'signIn',
      tags: ['sign-in proxy'],
      summary: 'Sign in with a password (B2C ROPC)',
      description:
        "The password grant through the proxy: B2C's form protocol (`client_id` may be left out; " +
        "the proxy sends its own). Answers the authority's token response minus `refresh_token`, " +
        'which goes into the `ropc_session` cookie. Identity protection decides before anything ' +
        'goes upstream.',
      security: [{ csrfHeader: [] }],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['grant_type', 'username', 'password'],
              properties: {
                grant_type: { const: 'password' },
                username: { type: 'string' },
                password: { type: 'string', format: 'password' },
                scope: { type: 'string' },
                client_id: { type: 'string' },
                response_type: { type: 'string' },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'Signed in: the tokens for the browser, the session in the cookie.',
          headers: { ...noStore, 'Set-Cookie': headerRef('SetSessionCookie') },
          content: { 'application/json': { schema: schemaRef('ProxyTokenResponse') } },
        },
        '400': b2cError(
          "A bad form (B2C's AADB2C codes), a grant other than `password` (AADB2C90086), or the " +
            "authority's refusal relayed (a wrong password, a locked account with `Retry-After`).",
        ),
        ...proxyRefusals,
      },
    },
  },
  '/api/auth/refresh': {
    post: {
      operationId: 'refreshSession',
      tags: ['sign-in proxy'],
      summary: "Refresh the cookie's session",
      description:
        'Redeems the refresh token kept in the cookie (B2C, or External ID for a session of the ' +
        'native-auth proxy) and rotates the cookie. An optional form `scope` narrows the tokens.',
      security: csrfAndCookie,
      requestBody: {
        required: false,
        content: {
          'application/x-www-form-urlencoded': {
            schema: { type: 'object', properties: { scope: { type: 'string' } } },
          },
        },
      },
      responses: {
        '200': {
          description: 'New tokens; the cookie rotated.',
          headers: { ...noStore, 'Set-Cookie': headerRef('SetSessionCookie') },
          content: {
            'application/json': {
              schema: {
                anyOf: [schemaRef('ProxyTokenResponse'), schemaRef('NativeAuthAnswer')],
              },
            },
          },
        },
        '400': {
          description:
            'No, a bad or an ended session (`invalid_grant`, AADB2C90129 for B2C; the cookie ' +
            "cleared), a bad form, or the authority's refusal relayed. A native session's " +
            'errors come in the native-auth envelope.',
          headers: { ...noStore, 'Set-Cookie': headerRef('SetCookieMaybe') },
          content: {
            'application/json': {
              schema: { anyOf: [schemaRef('B2CError'), schemaRef('NativeAuthError')] },
            },
          },
        },
        ...proxyRefusals,
      },
    },
  },
  '/api/auth/sign-out': {
    post: {
      operationId: 'signOut',
      tags: ['sign-in proxy'],
      summary: 'Sign out',
      description:
        "Ends the cookie's session server-side (no cookie of it refreshes again) and clears the " +
        'cookie; 204 whether or not it was live.',
      security: [...csrfAndCookie, { csrfHeader: [] }],
      responses: {
        '204': {
          description: 'Signed out; the cookie cleared.',
          headers: { ...noStore, 'Set-Cookie': headerRef('SetSessionCookie') },
        },
        '403': proxyRefusals['403'],
        '404': b2cError('No sign-in proxy is configured (neither B2C nor External ID).'),
        '503': proxyRefusals['503'],
      },
    },
  },
} as const;
