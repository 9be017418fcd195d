import { toTokenSet, type TokenSet } from '@ropc/protocol';
import {
  createNativeAuthClient,
  encodeNativeAuthBody,
  parseProxiedNativeAuthTokenResponse,
  postNativeAuthForm,
  processNativeAuthResponse,
  signInContinuationTokenRequest,
  signInOobTokenRequest,
  signInPasswordTokenRequest,
  buildNativeAuthUrl,
  type ChallengeType,
  type NativeAuthClient,
  type NativeAuthOutcome,
  type NativeAuthTransportOptions,
} from '@ropc/protocol/native-auth';
import { nativeFailureToAuthError, type NativeFlowName } from './native-failure-to-auth-error';
import type { ResolvedRopcAuthConfig } from '../ropc-auth-config';
import { toAuthError } from '../to-auth-error';
import type { TokenTransportDeps } from '../token-transport';

/** The proxy's CSRF header; with it the proxy answers in cookie mode (apps/api README). */
const COOKIE_MODE_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' } as const;

/** How the last step of a flow signs in. */
export type NativeTokenGrant =
  | { readonly grant: 'password'; readonly continuationToken: string; readonly password: string }
  | { readonly grant: 'oob'; readonly continuationToken: string; readonly oob: string }
  | { readonly grant: 'continuation_token'; readonly continuationToken: string };

/**
 * The native-authentication calls of one flow kind, through the proxy's cookie mode: the proxy
 * adds nothing the client must trust, wraps every continuation token in its own, and keeps the
 * refresh token in the `ropc_session` cookie — so token answers arrive without one.
 */
export class NativeAuthCalls {
  readonly client: NativeAuthClient;
  private readonly transport: NativeAuthTransportOptions;
  private readonly baseUrl: string;

  constructor(
    private readonly config: ResolvedRopcAuthConfig,
    private readonly deps: TokenTransportDeps,
    challengeTypes: readonly ChallengeType[],
  ) {
    this.baseUrl = new URL(config.nativeAuthBase, deps.baseUri()).href;
    this.transport = {
      fetch: deps.fetch,
      headers: COOKIE_MODE_HEADERS,
      credentials: 'same-origin',
    };
    this.client = createNativeAuthClient({
      ...this.transport,
      baseUrl: this.baseUrl,
      clientId: config.clientId,
      challengeTypes,
    });
  }

  /**
   * The token endpoint's last step of a flow, parsed as the proxy answers it: without the
   * refresh token, which went into the session cookie. Asks for the configured scopes.
   *
   * @throws RopcAuthError mapped from the failure.
   */
  async signIn(grant: NativeTokenGrant, flow: NativeFlowName): Promise<TokenSet> {
    const requestedAt = this.deps.now();
    const options = { scopes: this.config.scopes };
    const { clientId } = this.config;
    const body =
      grant.grant === 'password'
        ? signInPasswordTokenRequest(clientId, { ...grant, ...options })
        : grant.grant === 'oob'
          ? signInOobTokenRequest(clientId, { ...grant, ...options })
          : signInContinuationTokenRequest(clientId, { ...grant, ...options });
    const answer = await successOf(
      postNativeAuthForm(
        buildNativeAuthUrl(this.baseUrl, 'token'),
        encodeNativeAuthBody(body),
        this.transport,
        {},
        (response) => processNativeAuthResponse(response, parseProxiedNativeAuthTokenResponse),
      ),
      flow,
    );
    return toTokenSet(answer, requestedAt);
  }
}

/**
 * The body of a call's successful outcome.
 *
 * @throws RopcAuthError for any other outcome, mapped for the flow, and for a call that got no
 *   answer (`network`).
 */
export async function successOf<T>(
  call: Promise<NativeAuthOutcome<T>>,
  flow: NativeFlowName,
): Promise<T> {
  let outcome: NativeAuthOutcome<T>;
  try {
    outcome = await call;
  } catch (error) {
    throw toAuthError(error);
  }
  if (outcome.kind === 'success') return outcome.body;
  throw nativeFailureToAuthError(outcome, flow);
}
