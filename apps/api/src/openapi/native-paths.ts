import { NATIVE_AUTH_ENDPOINTS, type NativeAuthEndpoint } from '@ropc/protocol/native-auth';
import { headerRef, schemaRef } from './api-responses';

const noStore = {
  'Cache-Control': headerRef('NoStore'),
  Pragma: headerRef('PragmaNoCache'),
} as const;

const envelope = (description: string, headers: Readonly<Record<string, unknown>> = {}) => ({
  description,
  headers: { ...noStore, ...headers },
  content: { 'application/json': { schema: schemaRef('NativeAuthError') } },
});

/** The operation of one forwarded path: the same rules and answers for all twelve. */
function forwardedOperation(endpoint: NativeAuthEndpoint, path: string) {
  return {
    operationId: `native_${endpoint}`,
    tags: ['native-auth proxy'],
    summary: `Forward ${path}`,
    description:
      `Entra External ID's native authentication \`${path}\`, forwarded to EXTERNAL_ID_AUTHORITY ` +
      "with the proxy's own client id. Cookie mode (`X-Requested-With: XMLHttpRequest`, the B2C " +
      "proxy's CSRF rule): tokens become the `ropc_session` cookie, the refresh token never in " +
      'the body, and the `refresh_token` grant is refused. Pass-through (no such header; only ' +
      "with AUTH_NATIVE_PASSTHROUGH=on, from an allowed Origin or same-origin): Microsoft's SDK " +
      "gets the authority's answers. Every continuation token is the proxy's sealed wrapper.",
    security: [{ csrfHeader: [] }, {}],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            description:
              'The native-auth form as MSAL sends it (at most 16 KiB, no repeated field); a ' +
              "`client_id` other than the proxy's own is `unauthorized_client`.",
            properties: {
              client_id: { type: 'string' },
              username: { type: 'string' },
              challenge_type: { type: 'string' },
              continuation_token: { type: 'string' },
              grant_type: { type: 'string' },
              password: { type: 'string', format: 'password' },
              oob: { type: 'string' },
              scope: { type: 'string' },
            },
          },
        },
      },
    },
    responses: {
      '200': {
        description: "The authority's answer, its continuation token wrapped.",
        headers: {
          ...noStore,
          'x-ms-request-id': headerRef('MsRequestIdMaybe'),
          'Set-Cookie': headerRef('SetCookieMaybe'),
        },
        content: { 'application/json': { schema: schemaRef('NativeAuthAnswer') } },
      },
      '400': envelope(
        'A bad form, `unauthorized_client`, `unsupported_grant_type`, `invalid_username`, a bad ' +
          'continuation token (`invalid_grant` 55200), a locked account (`Retry-After`), or the ' +
          "authority's refusal relayed.",
      ),
      '403': envelope('Cross-site request refused, or pass-through is off.'),
      '404': envelope('No External ID authority is configured.'),
      '413': envelope('The form is larger than 16 KiB.'),
      '429': envelope("Throttled: the proxy's limits (`suberror` says which) or the authority's.", {
        'Retry-After': headerRef('RetryAfter'),
      }),
      '4XX': envelope('Another 4xx answer of the authority, relayed.'),
      '502': envelope('The authority answered something that is not native auth (`server_error`).'),
      '503': envelope(
        "The authority is unreachable or unavailable, or the proxy's storage is failing.",
        { 'Retry-After': headerRef('RetryAfter') },
      ),
    },
  };
}

/**
 * `/api/auth/native/{*path}`: exactly the twelve V1 paths of native authentication (anything
 * else under it is a 404 in the native-auth envelope), each described on its own.
 */
export const NATIVE_PATHS = Object.fromEntries(
  (Object.entries(NATIVE_AUTH_ENDPOINTS) as [NativeAuthEndpoint, string][]).map(
    ([endpoint, path]) => [
      `/api/auth/native/${path}`,
      { post: forwardedOperation(endpoint, path) },
    ],
  ),
);
