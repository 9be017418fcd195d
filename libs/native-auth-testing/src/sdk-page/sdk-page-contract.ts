/**
 * What the SDK test page (`sdk-page.ts`, bundled for the browser) exposes as `window.sdkPage`, and
 * the plain JSON it answers with: a browser test and the page share these types only.
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

/** A required or refused attribute, as the SDK hands it over. */
export interface AttributeReport {
  readonly name: string;
  readonly type?: string;
  readonly required?: boolean;
}

/** A result's `error`: the SDK's error helper object and the `errorData` it wraps. */
export interface ErrorReport {
  /** The helper's class, e.g. `SignInError`, `SignUpSubmitCodeError`. */
  readonly type: string;
  /** Every public `is*()` helper of it that returns true (e.g. `isPasswordIncorrect`), sorted. */
  readonly is: readonly string[];
  /** The class of `errorData`, e.g. `CustomAuthApiError`, `InvalidArgumentError`, `UnexpectedError`. */
  readonly dataType: string;
  readonly error: string;
  readonly errorDescription?: string;
  readonly correlationId?: string;
  readonly errorCodes: readonly number[];
  readonly subError?: string;
  readonly attributes?: readonly AttributeReport[];
}

/** A signed-in account (`CustomAuthAccountData`). */
export interface AccountReport {
  readonly username: string;
  readonly homeAccountId: string;
  readonly localAccountId: string;
  readonly tenantId: string;
  readonly environment: string;
  readonly name?: string;
  readonly hasIdToken: boolean;
  readonly idTokenClaims: Readonly<Record<string, unknown>>;
}

/** `GetAccessTokenResult.data`, an msal `AuthenticationResult`. */
export interface TokenReport {
  readonly accessToken: string;
  readonly idToken: string;
  readonly scopes: readonly string[];
  readonly tokenType: string;
  /** ISO 8601, or null. */
  readonly expiresOn: string | null;
  readonly fromCache: boolean;
  readonly correlationId: string;
  readonly username: string;
}

/** One SDK step's outcome. */
export interface StepReport {
  /** The result's class, e.g. `SignUpResult`. */
  readonly result: string;
  /** `result.state.stateType`, e.g. `SignUpCodeRequiredState`. */
  readonly state: string;
  /** The state's class. */
  readonly stateClass: string;
  /** Every `is*()` predicate of the result that returns true (`isCodeRequired`, `isFailed`, …), sorted. */
  readonly is: readonly string[];
  /** Set when the state can go on (code, password, attributes, sign-in after the flow). */
  readonly handle?: string;
  readonly codeLength?: number;
  readonly codeResendInterval?: number;
  readonly requiredAttributes?: readonly AttributeReport[];
  readonly account?: AccountReport;
  readonly token?: TokenReport;
  readonly error?: ErrorReport;
}

/** No input. */
export type NoInput = Record<string, never>;

/** `window.sdkPage`: each function runs one SDK step and describes its result. */
export interface SdkPageApi {
  /** `CustomAuthPublicClientApplication.create()`; answers the created app's class. */
  init(config: SdkPageConfig): Promise<{ readonly created: string }>;
  signUp(input: {
    readonly username: string;
    readonly password?: string;
    readonly attributes?: Readonly<Record<string, string>>;
  }): Promise<StepReport>;
  signIn(input: {
    readonly username: string;
    readonly password?: string;
    readonly scopes?: readonly string[];
  }): Promise<StepReport>;
  resetPassword(input: { readonly username: string }): Promise<StepReport>;
  /** On a sign-in, sign-up or password-reset code-required state. */
  submitCode(input: { readonly handle: string; readonly code: string }): Promise<StepReport>;
  /** On a sign-in or sign-up password-required state. */
  submitPassword(input: {
    readonly handle: string;
    readonly password: string;
  }): Promise<StepReport>;
  /** On the password-reset password-required state. */
  submitNewPassword(input: {
    readonly handle: string;
    readonly password: string;
  }): Promise<StepReport>;
  /** On the sign-up attributes-required state. */
  submitAttributes(input: {
    readonly handle: string;
    readonly attributes: Readonly<Record<string, string>>;
  }): Promise<StepReport>;
  /** On a code-required state. */
  resendCode(input: { readonly handle: string }): Promise<StepReport>;
  /** `signIn()` of a completed sign-up or password reset: the continuation-token grant. */
  signInAfterFlow(input: {
    readonly handle: string;
    readonly scopes?: readonly string[];
  }): Promise<StepReport>;
  getCurrentAccount(input: NoInput): Promise<StepReport>;
  /** `getCurrentAccount().data.getAccessToken()`; the account's failure when there is none. */
  getAccessToken(input: {
    readonly scopes?: readonly string[];
    readonly forceRefresh: boolean;
  }): Promise<StepReport>;
  /** `getCurrentAccount().data.signOut()`; the account's failure when there is none. */
  signOut(input: NoInput): Promise<StepReport>;
  /** The SDK's last log lines (its logger at Verbose, PII on: test data only). */
  sdkLog(input: NoInput): Promise<readonly string[]>;
}

declare global {
  interface Window {
    sdkPage: SdkPageApi;
  }
}
