/**
 * The SDK test page's script, bundled for the browser at test start (`../bundle-sdk-page.ts`),
 * never imported. It runs Microsoft's `@azure/msal-browser/custom-auth`, unmodified, and exposes
 * `window.sdkPage`: small async functions that each run one SDK step and answer a plain JSON
 * description of its result (`sdk-page-contract.ts`). The SDK's state objects stay here, under
 * handle strings, so that the test can go on with a flow (submit a code, a password, attributes,
 * sign in after sign-up).
 */
import {
  AuthFlowActionRequiredStateBase,
  CustomAuthAccountData,
  CustomAuthApiError,
  CustomAuthPublicClientApplication,
  LogLevel,
  ResetPasswordCodeRequiredState,
  ResetPasswordPasswordRequiredState,
  SignInCodeRequiredState,
  SignInContinuationState,
  SignInPasswordRequiredState,
  SignUpAttributesRequiredState,
  SignUpCodeRequiredState,
  SignUpPasswordRequiredState,
  type AuthFlowStateBase,
  type CustomAuthError,
  type GetAccessTokenResult,
  type ICustomAuthPublicClientApplication,
} from '@azure/msal-browser/custom-auth';
import type {
  AccountReport,
  AttributeReport,
  ErrorReport,
  SdkPageApi,
  StepReport,
  TokenReport,
} from './sdk-page-contract';

/** What every SDK result has: `state`, and `error` / `data` when there are some. */
interface SdkResult {
  readonly state: AuthFlowStateBase;
  readonly error?: { readonly errorData: CustomAuthError };
  readonly data?: unknown;
}

/** The SDK's log lines kept for failure output. */
const MAX_LOG_LINES = 400;
const log: string[] = [];

let app: ICustomAuthPublicClientApplication | undefined;
const states = new Map<string, AuthFlowStateBase>();
let handles = 0;

function currentApp(): ICustomAuthPublicClientApplication {
  if (!app) throw new Error('sdkPage.init() has not created the application yet');
  return app;
}

/** Names of `is*()` methods along the prototype chain, without the SDK's protected `is*Error()`. */
function truePredicates(target: object): string[] {
  const names = new Set<string>();
  for (
    let prototype: unknown = Object.getPrototypeOf(target);
    prototype !== null && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (/^is[A-Z]/.test(name) && !name.endsWith('Error')) names.add(name);
    }
  }
  return [...names]
    .filter((name) => {
      const method: unknown = Reflect.get(target, name);
      return (
        typeof method === 'function' &&
        method.length === 0 &&
        (method as () => unknown).call(target) === true
      );
    })
    .sort();
}

/** The three flows' code-required states: each takes `submitCode()` and `resendCode()`. */
type CodeRequiredState =
  SignInCodeRequiredState | SignUpCodeRequiredState | ResetPasswordCodeRequiredState;

function isCodeRequired(state: AuthFlowStateBase): state is CodeRequiredState {
  return (
    state instanceof SignInCodeRequiredState ||
    state instanceof SignUpCodeRequiredState ||
    state instanceof ResetPasswordCodeRequiredState
  );
}

function className(value: object): string {
  return value.constructor.name;
}

function attributeReports(attributes: readonly AttributeReport[]): AttributeReport[] {
  return attributes.map(({ name, type, required }) => ({
    name,
    ...(type === undefined ? {} : { type }),
    ...(required === undefined ? {} : { required }),
  }));
}

function describeError(error: { readonly errorData: CustomAuthError }): ErrorReport {
  const data = error.errorData;
  return {
    type: className(error),
    is: truePredicates(error),
    dataType: className(data),
    error: data.error,
    ...(data.errorDescription === undefined ? {} : { errorDescription: data.errorDescription }),
    ...(data.correlationId === undefined ? {} : { correlationId: data.correlationId }),
    errorCodes: data.errorCodes ?? [],
    ...(data.subError ? { subError: data.subError } : {}),
    ...(data instanceof CustomAuthApiError && data.attributes && data.attributes.length > 0
      ? { attributes: attributeReports(data.attributes) }
      : {}),
  };
}

function describeAccount(data: CustomAuthAccountData): AccountReport {
  const account = data.getAccount();
  return {
    username: account.username,
    homeAccountId: account.homeAccountId,
    localAccountId: account.localAccountId,
    tenantId: account.tenantId,
    environment: account.environment,
    ...(account.name === undefined ? {} : { name: account.name }),
    hasIdToken: Boolean(data.getIdToken()),
    idTokenClaims: JSON.parse(JSON.stringify(data.getClaims() ?? {})) as Record<string, unknown>,
  };
}

/** Describes a result; keeps a state that can go on under a new handle. */
function describeResult(result: SdkResult): StepReport {
  const state = result.state;
  let handle: string | undefined;
  if (state instanceof AuthFlowActionRequiredStateBase) {
    handles += 1;
    handle = `state-${handles}`;
    states.set(handle, state);
  }
  const report: StepReport = {
    result: className(result),
    state: state.stateType,
    stateClass: className(state),
    is: truePredicates(result),
    ...(handle === undefined ? {} : { handle }),
    ...(isCodeRequired(state) ? { codeLength: state.getCodeLength() } : {}),
    ...(state instanceof SignUpCodeRequiredState
      ? { codeResendInterval: state.getCodeResendInterval() }
      : {}),
    ...(state instanceof SignUpAttributesRequiredState
      ? { requiredAttributes: attributeReports(state.getRequiredAttributes()) }
      : {}),
    ...(result.data instanceof CustomAuthAccountData
      ? { account: describeAccount(result.data) }
      : {}),
    ...(result.error ? { error: describeError(result.error) } : {}),
  };
  return report;
}

function stateAt(handle: string): AuthFlowStateBase {
  const state = states.get(handle);
  if (!state) throw new Error(`no SDK state is kept under handle ${handle}`);
  return state;
}

function wrongState(state: AuthFlowStateBase, method: string): Error {
  return new Error(`${className(state)} (${state.stateType}) has no ${method}()`);
}

function describeToken(result: GetAccessTokenResult): TokenReport | undefined {
  const data = result.data;
  if (!data) return undefined;
  return {
    accessToken: data.accessToken,
    idToken: data.idToken,
    scopes: [...data.scopes],
    tokenType: data.tokenType,
    expiresOn: data.expiresOn ? data.expiresOn.toISOString() : null,
    fromCache: data.fromCache,
    correlationId: data.correlationId,
    username: data.account.username,
  };
}

const api: SdkPageApi = {
  async init(config) {
    states.clear();
    app = await CustomAuthPublicClientApplication.create({
      auth: { clientId: config.clientId, authority: config.authority },
      customAuth: {
        authApiProxyUrl: config.authApiProxyUrl,
        challengeTypes: [...config.challengeTypes],
      },
      cache: { cacheLocation: 'sessionStorage' },
      system: {
        loggerOptions: {
          logLevel: LogLevel.Verbose,
          piiLoggingEnabled: true,
          loggerCallback: (level, message) => {
            log.push(`[${LogLevel[level]}] ${message}`);
            if (log.length > MAX_LOG_LINES) log.splice(0, log.length - MAX_LOG_LINES);
          },
        },
      },
    });
    return { created: className(app) };
  },

  async signUp({ username, password, attributes }) {
    return describeResult(
      await currentApp().signUp({
        username,
        ...(password === undefined ? {} : { password }),
        ...(attributes === undefined ? {} : { attributes: { ...attributes } }),
      }),
    );
  },

  async signIn({ username, password, scopes }) {
    return describeResult(
      await currentApp().signIn({
        username,
        ...(password === undefined ? {} : { password }),
        ...(scopes === undefined ? {} : { scopes: [...scopes] }),
      }),
    );
  },

  async resetPassword({ username }) {
    return describeResult(await currentApp().resetPassword({ username }));
  },

  async submitCode({ handle, code }) {
    const state = stateAt(handle);
    if (isCodeRequired(state)) return describeResult(await state.submitCode(code));
    throw wrongState(state, 'submitCode');
  },

  async submitPassword({ handle, password }) {
    const state = stateAt(handle);
    if (
      state instanceof SignInPasswordRequiredState ||
      state instanceof SignUpPasswordRequiredState
    ) {
      return describeResult(await state.submitPassword(password));
    }
    throw wrongState(state, 'submitPassword');
  },

  async submitNewPassword({ handle, password }) {
    const state = stateAt(handle);
    if (state instanceof ResetPasswordPasswordRequiredState) {
      return describeResult(await state.submitNewPassword(password));
    }
    throw wrongState(state, 'submitNewPassword');
  },

  async submitAttributes({ handle, attributes }) {
    const state = stateAt(handle);
    if (state instanceof SignUpAttributesRequiredState) {
      return describeResult(await state.submitAttributes({ ...attributes }));
    }
    throw wrongState(state, 'submitAttributes');
  },

  async resendCode({ handle }) {
    const state = stateAt(handle);
    if (isCodeRequired(state)) return describeResult(await state.resendCode());
    throw wrongState(state, 'resendCode');
  },

  async signInAfterFlow({ handle, scopes }) {
    // SignUpCompletedState and ResetPasswordCompletedState are both SignInContinuationStates.
    const state = stateAt(handle);
    if (state instanceof SignInContinuationState) {
      return describeResult(
        await state.signIn(scopes === undefined ? undefined : { scopes: [...scopes] }),
      );
    }
    throw wrongState(state, 'signIn');
  },

  getCurrentAccount() {
    return Promise.resolve(describeResult(currentApp().getCurrentAccount()));
  },

  async getAccessToken({ scopes, forceRefresh }) {
    const current = currentApp().getCurrentAccount();
    if (!current.data) return describeResult(current);
    const result = await current.data.getAccessToken({
      forceRefresh,
      ...(scopes === undefined ? {} : { scopes: [...scopes] }),
    });
    const token = describeToken(result);
    return { ...describeResult(result), ...(token ? { token } : {}) };
  },

  async signOut() {
    const current = currentApp().getCurrentAccount();
    if (!current.data) return describeResult(current);
    return describeResult(await current.data.signOut());
  },

  sdkLog() {
    return Promise.resolve([...log]);
  },
};

window.sdkPage = api;
