/**
 * The twelve endpoints of the V1 native authentication API, by name, with their paths relative to
 * a tenant's base URL (docs/entra-native-auth-protocol.md §1.2). All take a form POST and answer
 * JSON. The `register/v1.0/*` endpoints (strong-auth registration) are not covered.
 */
export const NATIVE_AUTH_ENDPOINTS = {
  signInInitiate: 'oauth2/v2.0/initiate',
  signInChallenge: 'oauth2/v2.0/challenge',
  /** One URL for the password, oob, continuation_token and refresh_token grants. */
  token: 'oauth2/v2.0/token',
  /** Only after `invalid_grant` + `mfa_required`. */
  signInIntrospect: 'oauth2/v2.0/introspect',
  signUpStart: 'signup/v1.0/start',
  signUpChallenge: 'signup/v1.0/challenge',
  signUpContinue: 'signup/v1.0/continue',
  resetPasswordStart: 'resetpassword/v1.0/start',
  resetPasswordChallenge: 'resetpassword/v1.0/challenge',
  resetPasswordContinue: 'resetpassword/v1.0/continue',
  resetPasswordSubmit: 'resetpassword/v1.0/submit',
  resetPasswordPollCompletion: 'resetpassword/v1.0/poll_completion',
} as const;

/** The name of a V1 endpoint. */
export type NativeAuthEndpoint = keyof typeof NATIVE_AUTH_ENDPOINTS;

const ENDPOINT_BY_PATH: ReadonlyMap<string, NativeAuthEndpoint> = new Map(
  Object.entries(NATIVE_AUTH_ENDPOINTS).map(([name, path]) => [path, name as NativeAuthEndpoint]),
);

/**
 * The endpoint a path names, for a server that has already taken the tenant segment off:
 * `oauth2/v2.0/initiate` (a leading `/` is allowed) is `signInInitiate`. Paths compare exactly;
 * anything else is undefined.
 */
export function nativeAuthEndpointOfPath(path: string): NativeAuthEndpoint | undefined {
  return ENDPOINT_BY_PATH.get(path.startsWith('/') ? path.slice(1) : path);
}
