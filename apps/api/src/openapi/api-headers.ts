/**
 * The response headers the API's description names, as reusable Header Objects
 * (`#/components/headers/...`). Required where the code always sends them.
 */
export const API_HEADERS = {
  NoStore: {
    description: 'Never cached: answers are private to the caller or carry tokens.',
    required: true,
    schema: { type: 'string', const: 'no-store' },
  },
  PragmaNoCache: {
    description: 'HTTP/1.0 caches: every /api/auth answer carries it (RFC 6749 §5.1).',
    required: true,
    schema: { type: 'string', const: 'no-cache' },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again.',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  WwwAuthenticate: {
    description:
      'The RFC 6750 challenge: `Bearer realm="api"`, with `error`, `error_description` and, for ' +
      '`insufficient_scope`, `scope` when the token was refused.',
    required: true,
    schema: { type: 'string', pattern: '^Bearer( |$)' },
  },
  ETag: {
    description: "The note's current version, a strong entity tag, for `If-Match`.",
    required: true,
    schema: { type: 'string', pattern: '^"[0-9]+"$' },
  },
  Location: {
    description: "The new note's URL path.",
    required: true,
    schema: { type: 'string', pattern: '^/api/notes/[0-9a-f-]{36}$' },
  },
  SetSessionCookie: {
    description:
      'The `ropc_session` cookie: the sealed refresh token, `HttpOnly; SameSite=Strict; ' +
      'Path=/api/auth`, `Secure` unless the host is loopback (AUTH_COOKIE_SECURE), `Max-Age` the ' +
      "refresh token's remaining life (0 clears it). A native sign-in also sets `ropc_device`.",
    required: true,
    schema: { type: 'string', pattern: 'ropc_session=' },
  },
  SetCookieMaybe: {
    description:
      'Sent when the answer ends the session (an `invalid_grant` from the authority clears ' +
      '`ropc_session`) or, in the native cookie mode, starts one.',
    schema: { type: 'string' },
  },
  MsRequestIdMaybe: {
    description: "The authority's request id, when it sent one.",
    schema: { type: 'string' },
  },
} as const;
