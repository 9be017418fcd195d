/**
 * What the SDK test page (`sdk-page.ts`, bundled for the browser) exposes as `window.sdkPage`, and
 * the plain JSON it answers with: the Jest test and the page share these types only. A trimmed
 * copy of apps/external-id-sdk-e2e's page contract (apps never import each other).
 */

/** The values of `CustomAuthPublicClientApplication.create()` that the test chooses. */
export interface SdkPageConfig {
  readonly clientId: string;
  /** `auth.authority`, e.g. `https://contosoid.ciamlogin.com/`; MSAL never calls it. */
  readonly authority: string;
  /** `customAuth.authApiProxyUrl`: where MSAL sends every native-auth call. */
  readonly authApiProxyUrl: string;
  /** `customAuth.challengeTypes`; MSAL adds `redirect` itself. */
  readonly challengeTypes: readonly string[];
}

/** A result's `error`: the SDK's error helper and the `errorData` it wraps. */
export interface ErrorReport {
  /** The helper's class, e.g. `SignInError`. */
  readonly type: string;
  /** The class of `errorData`, e.g. `CustomAuthApiError`. */
  readonly dataType: string;
  readonly error: string;
  readonly errorDescription?: string;
  readonly errorCodes: readonly number[];
  readonly subError?: string;
}

/** A signed-in account (`CustomAuthAccountData`). */
export interface AccountReport {
  readonly username: string;
  readonly homeAccountId: string;
  readonly name?: string;
  readonly idTokenClaims: Readonly<Record<string, unknown>>;
}

/** `GetAccessTokenResult.data`, an msal `AuthenticationResult`. */
export interface TokenReport {
  readonly accessToken: string;
  readonly scopes: readonly string[];
  readonly tokenType: string;
  readonly fromCache: boolean;
}

/** One SDK step's outcome. */
export interface StepReport {
  /** `result.state.stateType`, e.g. `SignUpCodeRequiredState`. */
  readonly state: string;
  /** Every `is*()` predicate of the result that returns true (`isCodeRequired`, …), sorted. */
  readonly is: readonly string[];
  /** Set when the state can go on (submit a code). */
  readonly handle?: string;
  readonly codeLength?: number;
  readonly account?: AccountReport;
  readonly token?: TokenReport;
  readonly error?: ErrorReport;
}

/** `window.sdkPage`: each function runs one SDK step and describes its result. */
export interface SdkPageApi {
  /** `CustomAuthPublicClientApplication.create()`; answers the created app's class. */
  init(config: SdkPageConfig): Promise<{ readonly created: string }>;
  signUp(input: {
    readonly username: string;
    readonly password: string;
    readonly attributes: Readonly<Record<string, string>>;
  }): Promise<StepReport>;
  /** On a code-required state. */
  submitCode(input: { readonly handle: string; readonly code: string }): Promise<StepReport>;
  signIn(input: { readonly username: string; readonly password: string }): Promise<StepReport>;
  /** `getCurrentAccount().data.getAccessToken()`; the account's failure when there is none. */
  getAccessToken(input: {
    readonly scopes: readonly string[];
    readonly forceRefresh: boolean;
  }): Promise<StepReport>;
  /** The SDK's last log lines (its logger at Verbose, PII on: test data only). */
  sdkLog(): Promise<readonly string[]>;
}

declare global {
  interface Window {
    sdkPage: SdkPageApi;
  }
}
