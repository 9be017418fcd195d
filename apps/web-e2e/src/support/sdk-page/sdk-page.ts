/**
 * The SDK test page's script, bundled for the browser at test start (`bundle-sdk-page.ts`). It
 * runs Microsoft's `@azure/msal-browser/custom-auth`, unmodified, and exposes `window.sdkPage`:
 * small async functions that each run one SDK step and answer a plain JSON description of its
 * result (`sdk-page-contract.ts`). A trimmed copy of apps/external-id-sdk-e2e's page.
 */
import {
  AuthFlowActionRequiredStateBase,
  CustomAuthAccountData,
  CustomAuthPublicClientApplication,
  LogLevel,
  SignInCodeRequiredState,
  SignUpCodeRequiredState,
  type AuthFlowStateBase,
  type CustomAuthError,
  type ICustomAuthPublicClientApplication,
} from '@azure/msal-browser/custom-auth';
import type { SdkPageApi, StepReport } from './sdk-page-contract';

/** What every SDK result has: `state`, and `error` / `data` when there are some. */
interface SdkResult {
  readonly state: AuthFlowStateBase;
  readonly error?: { readonly errorData: CustomAuthError };
  readonly data?: unknown;
}

const MAX_LOG_LINES = 200;
const log: string[] = [];
let app: ICustomAuthPublicClientApplication | undefined;
const states = new Map<string, AuthFlowStateBase>();

function currentApp(): ICustomAuthPublicClientApplication {
  if (!app) throw new Error('sdkPage.init() has not created the application yet');
  return app;
}

/** Names of `is*()` methods along the prototype chain that return true (not `is*Error()`). */
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

function describeResult(result: SdkResult): StepReport {
  const state = result.state;
  let handle: string | undefined;
  if (state instanceof AuthFlowActionRequiredStateBase) {
    handle = `state-${states.size + 1}`;
    states.set(handle, state);
  }
  const data = result.error?.errorData;
  return {
    state: state.stateType,
    is: truePredicates(result),
    ...(handle === undefined ? {} : { handle }),
    ...(state instanceof SignUpCodeRequiredState || state instanceof SignInCodeRequiredState
      ? { codeLength: state.getCodeLength() }
      : {}),
    ...(result.data instanceof CustomAuthAccountData
      ? {
          account: {
            username: result.data.getAccount().username,
            homeAccountId: result.data.getAccount().homeAccountId,
            ...(result.data.getAccount().name === undefined
              ? {}
              : { name: result.data.getAccount().name }),
            idTokenClaims: JSON.parse(JSON.stringify(result.data.getClaims() ?? {})) as Record<
              string,
              unknown
            >,
          },
        }
      : {}),
    ...(result.error && data
      ? {
          error: {
            type: result.error.constructor.name,
            dataType: data.constructor.name,
            error: data.error,
            ...(data.errorDescription === undefined
              ? {}
              : { errorDescription: data.errorDescription }),
            errorCodes: data.errorCodes ?? [],
            ...(data.subError ? { subError: data.subError } : {}),
          },
        }
      : {}),
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
    return { created: app.constructor.name };
  },

  async signUp({ username, password, attributes }) {
    return describeResult(
      await currentApp().signUp({ username, password, attributes: { ...attributes } }),
    );
  },

  async submitCode({ handle, code }) {
    const state = states.get(handle);
    if (state instanceof SignUpCodeRequiredState || state instanceof SignInCodeRequiredState) {
      return describeResult(await state.submitCode(code));
    }
    throw new Error(`no code-required state under ${handle}`);
  },

  async signIn({ username, password }) {
    return describeResult(await currentApp().signIn({ username, password }));
  },

  async getAccessToken({ scopes, forceRefresh }) {
    const current = currentApp().getCurrentAccount();
    if (!current.data) return describeResult(current);
    const result = await current.data.getAccessToken({ forceRefresh, scopes: [...scopes] });
    const token = result.data;
    return {
      ...describeResult(result),
      ...(token
        ? {
            token: {
              accessToken: token.accessToken,
              scopes: [...token.scopes],
              tokenType: token.tokenType,
              fromCache: token.fromCache,
            },
          }
        : {}),
    };
  },

  sdkLog() {
    return Promise.resolve([...log]);
  },
};

window.sdkPage = api;
